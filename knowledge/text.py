"""Turn a page file's bytes into clean text: decoding, newlines, mojibake, people's names."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from ftfy.badness import is_bad
from rapidfuzz import fuzz, process

from knowledge.errors import warning

MAX_PAGE_BYTES = 2 * 1024 * 1024  # real pages are a few KB; anything this large is a mistake


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warnings: tuple[str, ...]


def decode_page(data: bytes) -> Decoded:
    """Bytes to newline-normalised text. Raises ValueError with a reason a human can act on."""
    if len(data) > MAX_PAGE_BYTES:
        raise ValueError(
            f"file is {len(data) / 1e6:.1f} MB, larger than the {MAX_PAGE_BYTES // 2**20} MB "
            "a vacancy page may be; not parsed"
        )
    if not data.strip():
        raise ValueError("file is empty")
    warnings: list[str] = []
    wide = next(((bom, name) for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:  # UTF-16 (or -32) with its byte-order mark: Windows' "Unicode"
        bom, name = wide
        try:
            text = data[len(bom):].decode(name)
        except UnicodeDecodeError as exc:
            raise ValueError(f"starts with a {name[:6].upper()} byte-order mark but is not "
                             f"{name[:6].upper()} ({exc.reason} at byte "
                             f"{exc.start + len(bom)})") from None
        if not text.strip():
            raise ValueError("file is empty")
        warnings.append(warning(1, f"saved as {name[:6].upper()}; read as such (sites use "
                                   "UTF-8)"))
        return _normalised(text, warnings)
    if b"\x00" in data[:8192]:
        raise ValueError("file is binary (contains NUL bytes), not a Markdown page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        line = data[: exc.start].count(b"\n") + 1
        warnings.append(warning(line, "not valid UTF-8; read as Windows-1252"))
    return _normalised(text, warnings)


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _normalised(text: str, warnings: list[str]) -> Decoded:
    """Newlines normalised and mojibake repaired, with a warning for each repair."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fixed, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(warning(repaired[0], "repaired mojibake (UTF-8 read as Windows-1252) "
                                             "on line(s) " + ", ".join(map(str, repaired))))
    return Decoded(fixed, tuple(warnings))


def repair_mojibake(text: str) -> tuple[str, list[int]]:
    """Undo UTF-8-read-as-Windows-1252 damage ("patientsâ€™" -> "patients’").

    Only ftfy's encoding repair runs: quotes, ligatures and the rest of the text are left
    exactly as written. Returns the text and the 1-based lines that changed.
    """
    suspect = "\n".join(line for line in text.split("\n") if not line.isascii())
    if not suspect or not is_bad(suspect):
        return text, []  # mojibake is in lines with non-ASCII characters: only those are read
    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, []
    old, new = text.split("\n"), fixed.split("\n")
    if len(old) != len(new):
        return fixed, [1]
    return fixed, [i for i, (a, b) in enumerate(zip(old, new, strict=True), start=1) if a != b]


_PARTICLES = frozenset({"van", "de", "der", "den", "von", "ter", "te", "t", "du", "da", "di", "zu"})
MEMBER_REF = re.compile(r"\[member/([A-Za-z0-9_.-]+)\]")


def humanize_slug(slug: str) -> str:
    """"bram-van-ginneken" -> "Bram van Ginneken"; "shadi-albarqouni" -> "Shadi Albarqouni"."""
    words = [w for w in re.split(r"[-_.\s]+", slug.strip()) if w]
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        out.append(low if (i > 0 and low in _PARTICLES) else low[:1].upper() + low[1:])
    return " ".join(out)


def resolve_person(slug: str, people: tuple[str, ...]) -> str:
    """A member slug as the readable name of the matching person in `people`.

    Falls back to the slug made readable when nobody in `people` matches well.
    """
    guess = humanize_slug(slug)
    if people:
        hit = process.extractOne(
            guess.lower(), [p.lower() for p in people], scorer=fuzz.token_sort_ratio
        )
        if hit and hit[1] >= 80:
            return people[hit[2]]
    return guess


def resolve_member_refs(text: str, people: tuple[str, ...]) -> str:
    """Replace every ``[member/slug]`` with the person's readable name."""
    return MEMBER_REF.sub(lambda m: resolve_person(m.group(1), people), text)


def collapse(value: str) -> str:
    """Collapse runs of white space, including newlines inside titles, to single spaces."""
    return " ".join(value.split())
