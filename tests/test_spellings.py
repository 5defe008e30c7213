"""Spelling variants across English, Dutch and German meet ("hypertrofie" names a page on
"hypertrophy", "tumour" one on "tumor"), but a key too short to tell words apart is no
evidence: "speech" never names a page on plant "species"; words no page has are said."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

PAGES = {
    "liver.md": """---
title: PhD on liver hypertrophy after portal vein embolization
---
We model liver hypertrophy from CT scans. Deadline: 2030-01-31.
""",
    "forest.md": """---
title: PhD on the distribution of forest plant species
---
Microclimate and the spatial distribution of plant species. Deadline: 2030-01-31.
""",
    "tumor.md": """---
title: Postdoc on tumor segmentation
---
Deep learning for tumor segmentation in MRI. Deadline: 2030-01-31.
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


def answer(router: Router, text: str) -> str:
    reply, _ = router.respond(text, ChatContext())
    return render_plain(reply)


@pytest.mark.parametrize(("question", "title"), [
    ("wat verdient de promovendus voor leverhypertrofie?", "liver hypertrophy"),
    ("what does the tumour segmentation postdoc pay?", "tumor segmentation"),
])
def test_spelling_variants_name_the_page(router: Router, question: str, title: str) -> None:
    assert title in answer(router, question)


def test_a_short_spelling_key_names_nothing(router: Router) -> None:
    """... and words no page has are said, not answered with every PhD as "matching"."""
    text = answer(router, "is the speech perception lab hiring PhDs?")
    assert text.startswith("No — I found no vacancy about “speech”, “perception”"), text
