"""A list line tells its vacancy apart from the others: a title like "Jobs" says what the page
offers, and so does a title that another listed vacancy's title repeats or goes on from
("Research associate (m/f/d)" beside "Research associate (m/f/d) for robotics"). What it
offers: a heading that names a topic or a position (a bold line of its own counts when it
names a position), never a part every posting has ("Your tasks"), else what it says first."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

ASSOCIATE = "Research associate (m/f/d)"
PAGES = {
    "jobs/2024-01-10-associate.md": f"""---
title: {ASSOCIATE}
description: Institute of Hydrology, chair of urban water management
---
## Your tasks
Research on urban drainage and water management. Deadline: 2030-01-31.
""",
    "jobs/2024-01-11-associate-robotics.md": f"""---
title: {ASSOCIATE} for robotics
description: Institute of Mechanics, chair of soft robotics
---
## Your tasks
Research on soft robot grippers. Deadline: 2030-01-31.
""",
    "jobs/2024-01-12-associate-geodesy.md": f"""---
title: {ASSOCIATE} in geodesy
description: Institute of Geodesy
---
## Your tasks
Research on satellite geodesy. Deadline: 2030-01-31.
""",
    "lab/join.md": """---
title: Join us
---
We are always happy to hear from motivated people.

**Research Software Developer (currently open)**

- Role: build the lab's data pipelines. Deadline: 2030-01-31.

**Tim Frenzel**
""",
    "other-lab/jobs.md": """---
title: Jobs
---
We offer a student job on tidal energy models. Deadline: 2030-01-31.

## Your tasks
Run the models.

## Requirements
Python.
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


def lines(router: Router, text: str) -> list[str]:
    answer, _ = router.respond(text, ChatContext())
    return [line for line in render_plain(answer).splitlines() if line.startswith("• ")]


def test_a_title_another_repeats_says_what_its_vacancy_offers(router: Router) -> None:
    found = lines(router, "which positions are open?")
    plain = next(line for line in found if f"{ASSOCIATE} (" in line or f"{ASSOCIATE} —" in line)
    assert "urban water management" in plain
    robotics = next(line for line in found if "for robotics" in line)
    assert "soft robotics" not in robotics  # its own title already tells it apart


def test_a_plain_title_says_what_the_page_offers(router: Router) -> None:
    found = lines(router, "which positions are open?")
    join = next(line for line in found if line.startswith("• ") and "Join us" in line)
    assert "Research Software Developer (currently open)" in join and "Tim Frenzel" not in join
    jobs = next(line for line in found if "Jobs —" in line)
    assert "We offer a student job on tidal energy models." in jobs
    assert "Your tasks" not in jobs and "Requirements" not in jobs
