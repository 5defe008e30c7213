"""Which links are safe to publish: a page author's URL becomes a Telegram button or link only
if Telegram will accept it. No Telegram here, so `vacbot check` and the bot share the rules.

    is_valid_url("https://www.example.org/jobs/123")   -> True
    is_valid_url("https://")                           -> False  (no host)
    is_valid_url("https://example.org/a b")            -> False  (a space)

The rules, deliberately stricter than browsers (a link refused here is shown as text, never
lost): an absolute http or https URL, at most `MAX_LENGTH` characters, no whitespace or control
characters anywhere, no user name or password, a port (if any) from 1 to 65535, and a host
that is an IPv4 address, a bracketed IPv6 address, or a domain name of at least two labels
(letters, digits and inner hyphens, internationalised names allowed) whose last label is not
all digits. `is_valid_link` also accepts `mailto:` with one plausible address, which Telegram
takes in a text link (but not on a button).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from knowledge.model import FactKind, Vacancy
from knowledge.sentences import MD_LINK

MAX_LENGTH = 2048
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_ASCII_BAD = re.compile(r"[\x00-\x20\x7f]")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def _printable(text: str) -> bool:
    """No whitespace, control, format (zero-width) or unassigned characters."""
    if text.isascii():
        return _ASCII_BAD.search(text) is None
    return all(not ch.isspace() and unicodedata.category(ch)[0] not in "CZ" for ch in text)


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    if len(labels) < 2 or len(ascii_host) > 253:
        return False
    return all(_LABEL.match(label) for label in labels) and not labels[-1].isdigit()


@lru_cache(maxsize=8192)  # pure: the same text, the same answer
def is_valid_url(url: str) -> bool:
    """True if `url` is an absolute http(s) URL Telegram accepts on a button (see above)."""
    if not isinstance(url, str) or not url or len(url) > MAX_LENGTH or not _printable(url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when out of range or not a number
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return False
    if "@" in parts.netloc or port == 0:
        return False
    host = parts.hostname or ""
    if "[" in parts.netloc:  # IPv6 literal: urlsplit strips the brackets from hostname
        try:
            return isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address)
        except ValueError:
            return False
    return bool(host) and _valid_host(host)


@lru_cache(maxsize=8192)  # pure: the same text, the same answer
def is_valid_link(url: str) -> bool:
    """True if `url` may be the target of a link in a message's text: a valid http(s) URL or
    `mailto:` one address."""
    if isinstance(url, str) and url[:7].lower() == "mailto:":
        return len(url) <= MAX_LENGTH and bool(_EMAIL.match(url[7:].split("?", 1)[0]))
    return is_valid_url(url)


def bad_urls(v: Vacancy) -> list[str]:
    """Web addresses on page `v` (link targets and its application link) that Telegram would
    refuse: `vacbot check` lists them; the bot shows them as text."""
    out: list[str] = []
    targets = [m.group(3).strip() for s in v.sections for m in MD_LINK.finditer(s.markdown)
               if not m.group(1)]
    targets += [f.value for f in v.facts if f.kind is FactKind.APPLY_URL]
    for url in targets:
        looks_web = re.match(r"(?:https?:|www\.)", url, re.I) is not None
        if looks_web and not is_valid_url(url) and url not in out:
            out.append(url)
    return out
