"""A page's file name names it only when it is no common word: a site's `phd.md`, `job.md`
or `postdoc.md` is not meant by every message that says "PhD", "job" or "postdoc", while a
file name such as `2023-08-23-job-posting` typed or linked still opens its page."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.router import Router
from tests.paths import site_router

PAGES = {
    "lab-a/_jobs/phd.md": """---
title: PhD Studies
---
We welcome PhD candidates in architectural design computation. Contact Ada Brick
(ada.brick@example.org).
""",
    "lab-a/_jobs/postdoc.md": """---
title: Postdoctoral Fellows
---
We seek postdoctoral researchers in architectural design computation. Contact Ada Brick
(ada.brick@example.org).
""",
    "lab-b/people/job.md": """---
title: Want to join us?
---
We are always looking for motivated people in plant ecology. Write to Tom Moss
(tom.moss@example.org).
""",
    "lab-c/_posts/2023-08-23-job-posting.md": """---
title: PhD position in dialect speech recognition
---
We offer a PhD position (TV-L E13, 75 %) on speech recognition for German dialects.
Contact Lena Laut (lena.laut@example.org).
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


@pytest.mark.parametrize("text, page", [
    ("what does the phd on dialect speech recognition pay?", "2023-08-23-job-posting"),
    ("is the job in speech recognition for dialects paid by TV-L?", "2023-08-23-job-posting"),
    ("the plant ecology job - who do I write to?", "job"),
    ("2023-08-23-job-posting", "2023-08-23-job-posting"),
])
def test_a_common_word_as_file_name_does_not_capture_the_question(
        router: Router, text: str, page: str) -> None:
    answer, _ = router.respond(text, ChatContext())
    assert [v.id for v in answer.vacancies][:1] == [page], (text, answer.vacancies)


def test_a_page_with_the_topic_is_meant_though_of_another_kind(router: Router) -> None:
    """"postdoc in plant ecology": the one page on plant ecology (a general "join us"
    page), not the only postdoc page, which is about something else."""
    answer, _ = router.respond("postdoc in plant ecology - who do I write to?", ChatContext())
    assert [v.id for v in answer.vacancies][:1] == ["job"], answer.vacancies
