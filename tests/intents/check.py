"""Check the labelled corpus of applicant messages (tests/intents/*.jsonl).

Every line is a JSON object with the fields and values of the README's label schema; no
text occurs twice (compared case- and space-insensitively, across both files); and each
message sits in the file its split rule names, so that nobody moves a message between
train and held-out after seeing a result.

    python3 -m tests.intents.check
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FILES = {"train": HERE / "train.jsonl", "heldout": HERE / "heldout.jsonl"}

LANGS = {"en", "nl", "de"}
INTENTS = {
    "overview",
    "requirements",
    "salary",
    "contact",
    "apply",
    "dates",
    "duration",
    "location",
    "status",
}
ACTS = {"ask", "list", "pick", "greeting", "thanks", "help", "oos"}
KINDS = {
    "phd",
    "postdoc",
    "master",
    "bachelor",
    "student_assistant",
    "engineer",
    "internship",
    "faculty",
}
REFS = {"", "other", "back", "ordinal", "older", "newer", "same"}
FIELDS = {"text", "lang", "intents", "act", "about_me", "kind", "ref"}


def key(text: str) -> str:
    """The text as compared for duplicates and hashed for the split."""
    return " ".join(text.casefold().split())


def split_of(text: str) -> str:
    """'heldout' for about 30 % of messages, fixed by the text alone."""
    digest = hashlib.sha256(key(text).encode("utf-8")).hexdigest()
    return "heldout" if int(digest[:8], 16) % 10 < 3 else "train"


def problems_of(row: Any) -> list[str]:
    """What is wrong with one parsed line (empty when it is well formed)."""
    if not isinstance(row, dict):
        return ["not a JSON object"]
    out: list[str] = []
    if set(row) != FIELDS:
        out.append(f"fields {sorted(row)} != {sorted(FIELDS)}")
        return out
    text, intents, kind = row["text"], row["intents"], row["kind"]
    if not isinstance(text, str) or not text.strip():
        out.append("empty text")
    if row["lang"] not in LANGS:
        out.append(f"lang {row['lang']!r}")
    if row["act"] not in ACTS:
        out.append(f"act {row['act']!r}")
    if not isinstance(row["about_me"], bool):
        out.append("about_me is not a boolean")
    if row["ref"] not in REFS:
        out.append(f"ref {row['ref']!r}")
    if (
        not isinstance(intents, list)
        or not set(intents) <= INTENTS
        or len(set(intents)) != len(intents)
    ):
        out.append(f"intents {intents!r}")
    if not isinstance(kind, list) or not set(kind) <= KINDS or len(set(kind)) != len(kind):
        out.append(f"kind {kind!r}")
    if out:
        return out
    if row["act"] == "ask" and not intents:
        out.append("ask without intents")
    if row["act"] in {"oos", "greeting", "thanks", "help", "pick"} and intents:
        out.append(f"{row['act']} with intents")
    if row["act"] in {"oos", "greeting", "thanks", "help"} and (kind or row["ref"]):
        out.append(f"{row['act']} with kind or ref")
    if row["act"] == "oos" and row["about_me"]:
        out.append("oos with about_me")
    if row["act"] == "list" and row["ref"]:
        out.append("list with ref")
    return out


def check(files: dict[str, Path] = FILES) -> list[str]:
    """Every problem in the corpus files, as 'file:line: message'."""
    errors: list[str] = []
    seen: dict[str, str] = {}
    for split, path in files.items():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: invalid JSON ({exc.msg})")
                continue
            errors.extend(f"{where}: {p}" for p in problems_of(row))
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                continue
            k = key(row["text"])
            if k in seen:
                errors.append(f"{where}: duplicate of {seen[k]}")
            seen[k] = where
            if split_of(row["text"]) != split:
                errors.append(f"{where}: belongs in {split_of(row['text'])}.jsonl")
    return errors


def main() -> int:
    errors = check()
    for error in errors:
        print(error)
    counts = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in FILES.items()}
    print(f"{sum(counts.values())} messages ({counts}), {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
