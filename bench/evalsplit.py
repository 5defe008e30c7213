"""Split the sites2 development questions by site: half the sites are held out.

The held-out half is scored at the end of a piece of work, never read while working on it
(their failures are not printed by the development loop). Sites are taken in sorted order;
every second one (the 2nd, 4th, ...) is held out. A case belongs to the site of its expected
vacancy; a case that expects no vacancy (out of scope) goes by its id's parity.

    python -m bench.evalsplit ../shared/corpus/sites2 ../shared/eval/sites2_questions.jsonl OUT
    -> OUT/sites2_dev.jsonl, OUT/sites2_heldout.jsonl
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

from knowledge.ingest import scan


def held_out_sites(folder: Path) -> set[str]:
    sites = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    return set(sites[1::2])


def site_of_ids(folder: Path) -> dict[str, str]:
    return {page.id: page.path.relative_to(folder).parts[0] for page in scan(folder).pages}


def split(folder: Path, cases: Path) -> tuple[list[str], list[str]]:
    held = held_out_sites(folder)
    sites = site_of_ids(folder)
    dev: list[str] = []
    out: list[str] = []
    for line in cases.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        vac = case.get("vac") or []
        owners = {sites.get(v, "") for v in vac}
        if owners:
            is_held = any(o in held for o in owners)
        else:
            is_held = zlib.crc32(str(case.get("id")).encode()) % 2 == 1
        (out if is_held else dev).append(line)
    return dev, out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder, cases, target = Path(argv[0]), Path(argv[1]), Path(argv[2])
    dev, out = split(folder, cases)
    target.mkdir(parents=True, exist_ok=True)
    (target / "sites2_dev.jsonl").write_text("\n".join(dev) + "\n", encoding="utf-8")
    (target / "sites2_heldout.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(dev)} development cases, {len(out)} held-out cases -> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
