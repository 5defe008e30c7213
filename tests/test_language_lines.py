"""Asked about a language, the answer quotes the page's line on it — however the page says
that it is needed or not ("German is not necessary", "Deutschkenntnisse ... nicht
erforderlich") — and when the page is silent on that language, its line on the language
it works in, with a note that the one asked is not mentioned. A sentence that only holds
a language's name ("the German Sprachatlas") is no such line."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

_TCS = """---
title: PhD in theoretical computer science
---
## We expect

- A master's degree in computer science or mathematics.
- Professional level of English in both speaking and writing.
- (German is not necessary.)
"""
_WORKING = """---
title: PhD in plant ecology
---
We offer a PhD position on plant ecology in Utrecht. The working language of the lab is
English. Send your CV to ecology@example.org.
"""
_SPEECH = """---
title: Postdoc in speech recognition
---
You will study neural speech recognition and speaker modelling on the speech data collected
at the German Dialect Atlas Research Center. A PhD in computer science is required.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"tcs.md": _TCS, "ecology.md": _WORKING,
                                          "speech.md": _SPEECH})


def _reply(router: Router, text: str) -> str:
    return render_plain(router.respond(text, ChatContext())[0])


def test_a_line_that_says_the_language_is_not_needed_is_quoted(router: Router) -> None:
    text = _reply(router, "do I need to speak German for the theoretical computer science PhD?")
    assert "German is not necessary" in text
    assert "does not mention German" not in text


def test_silent_on_the_language_asked_the_working_language_is_quoted(router: Router) -> None:
    text = _reply(router, "I don't speak Dutch, is that a problem for the plant ecology PhD?")
    assert "The working language of the lab is English" in text
    assert "does not mention Dutch" in text


def test_a_name_with_a_language_in_it_is_no_line_on_the_language(router: Router) -> None:
    text = _reply(router, "do I need English for the speech recognition postdoc?")
    assert "Dialect Atlas" not in text.split("does not mention English")[0], text
    assert "does not mention English" in text
