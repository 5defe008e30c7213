"""Which link targets on a page are real web addresses — a button or link Telegram would
accept — and which are not (``https://``, a URL with a space, ``javascript:``)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from knowledge.model import FactKind, Vacancy
from knowledge.sentences import MD_LINK

_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
                   r"(?::\d{1,5})?$|^localhost(?::\d{1,5})?$")


def valid_url(url: str) -> bool:
    """An absolute http(s) URL with a host name and no white space."""
    if not url or any(c.isspace() for c in url) or len(url) > 2000:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(_HOST.match(parts.netloc.rsplit("@", 1)[-1]))


def bad_urls(v: Vacancy) -> list[str]:
    """Absolute-looking link targets of `v` that are not valid web addresses."""
    out: list[str] = []
    targets = [m.group(3).strip() for s in v.sections for m in MD_LINK.finditer(s.markdown)
               if not m.group(1)]
    targets += [f.value for f in v.facts if f.kind is FactKind.APPLY_URL]
    for url in targets:
        looks_web = re.match(r"(?:https?:|www\.)", url, re.I) is not None
        if looks_web and not valid_url(url) and url not in out:
            out.append(url)
    return out
