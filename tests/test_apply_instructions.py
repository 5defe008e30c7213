"""Apply answers carry the page's decisive instructions first ("do not send it by e-mail",
"only via the portal", "in one PDF"), however long the rest of the procedure is."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from knowledge import KnowledgeBase, build
from tests.paths import CORPUS_DAY

FILLER = " ".join(f"Step {n} of the selection involves a conversation with the team about "
                  f"the project and your plans for the coming years." for n in range(1, 12))
PAGE = f"""---
title: PhD position in coastal sediment dynamics
---
We offer a PhD position on coastal sediment transport.

## Application
{FILLER}
Please do not send your application by e-mail: only applications through the university
portal are considered, as one PDF file.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    root = tmp_path_factory.mktemp("pages")
    (root / "sediment-phd.md").write_text(PAGE, encoding="utf-8")
    db: Path = tmp_path_factory.mktemp("db") / "kb.db"
    build(root, db, CORPUS_DAY)
    return Router(KnowledgeBase(db))


def test_the_decisive_instruction_comes_first(router: Router) -> None:
    answer, _ = router.respond("how do I apply for the coastal sediment PhD?", ChatContext())
    assert answer.intent is Intent.APPLY
    text = render_plain(answer)
    assert "do not send your application by e-mail" in text
    assert text.index("do not send") < text.index("Step 1") if "Step 1" in text else True


def test_words_no_page_has_are_named_and_the_vacancies_of_that_kind_offered(
        router: Router) -> None:
    answer, ctx = router.respond("wie bewerbe ich mich auf die Promotionsstelle zu "
                                 "Küstensedimenten?", ChatContext())
    assert "kustensedimenten" in render_plain(answer).lower()
    assert [v.id for v in answer.vacancies] == ["sediment-phd"]
    picked, _ = router.respond("1", ctx)  # the question asked before is answered
    assert picked.intent is Intent.APPLY and "do not send" in render_plain(picked)
