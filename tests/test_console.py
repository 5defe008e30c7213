"""The console transport: `vacbot chat --jsonl` protocol and `vacbot ask`, in-process."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.console import chat, open_router
from bot.model import ChatContext
from bot.render import render_plain
from tests.paths import CORPUS_DAY, DEADLINE_PAGE, NEXT_DAY, SEEDS

INTENTS = {"list", "overview", "requirements", "salary", "contact", "apply", "dates", "duration",
           "location", "status", "help", "greeting", "clarify", "fallback"}


def jsonl(lines: list[str], db: Path) -> list[dict[str, object]]:
    out, err = io.StringIO(), io.StringIO()
    code = chat(SEEDS, db, jsonl=True, stdin=io.StringIO("\n".join(lines) + "\n"), out=out,
                err=err)
    assert code == 0, err.getvalue()
    return [json.loads(line) for line in out.getvalue().splitlines()]


def msg(chat_id: int, text: str) -> str:
    return json.dumps({"chat_id": chat_id, "text": text})


def test_one_output_line_per_input_line_with_the_protocol_fields(tmp_path: Path) -> None:
    out = jsonl([msg(1, "What does the Bonn PhD pay?"), msg(2, "hi")], tmp_path / "kb.db")
    assert len(out) == 2
    first = out[0]
    assert set(first) >= {"chat_id", "intent", "vacancies", "text", "buttons"}
    assert first["chat_id"] == 1 and first["intent"] == "salary"
    assert first["vacancies"] == [{"id": "bonn-robustness-explainability-phd",
                                   "title": first["vacancies"][0]["title"],  # type: ignore[index]
                                   "status": "open"}]
    assert "E13" in str(first["text"]).replace(" ", "")
    assert out[1]["intent"] in INTENTS and out[1]["vacancies"] == []


def test_conversations_are_kept_apart_by_chat_id(tmp_path: Path) -> None:
    out = jsonl([msg(1, "Tell me about PANCAIM"), msg(2, "Tell me about the Bonn PhD"),
                 msg(1, "how do I apply?"), msg(2, "how do I apply?")], tmp_path / "kb.db")
    assert [o["vacancies"][0]["id"] for o in out[2:]] == [  # type: ignore[index]
        "pancaim-pancreatic-cancer-phd", "bonn-robustness-explainability-phd"]


@pytest.mark.parametrize("bad", ["not json", "[1, 2]", '{"chat_id": 1}', '{"text": 5}',
                                 '{"chat_id": true, "text": "x"}', "{"])
def test_a_bad_line_gets_an_error_object_and_the_rest_goes_on(tmp_path: Path, bad: str) -> None:
    out = jsonl([bad, msg(1, "salary PANCAIM")], tmp_path / "kb.db")
    assert len(out) == 2
    assert "error" in out[0] or out[0].get("intent") in INTENTS
    assert out[1]["intent"] == "salary"


def test_every_answer_uses_a_protocol_intent(tmp_path: Path) -> None:
    texts = ["hi", "help", "list", "nonsense qwerty", "/vacancies", "/start", "salary",
             "x" * 10_000, '"salary" OR NEAR(', "<b>hi</b>"]
    for o in jsonl([msg(9, t) for t in texts], tmp_path / "kb.db"):
        assert o["intent"] in INTENTS and isinstance(o["text"], str) and o["text"]


def test_chat_builds_the_knowledge_base_on_first_use_and_rebuilds_when_pages_change(
        tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    jsonl([msg(1, "hi")], db)
    assert db.exists()
    built = db.stat().st_mtime_ns
    jsonl([msg(1, "hi")], db)
    assert db.stat().st_mtime_ns == built


def test_ask_prints_a_plain_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    code = main(["ask", "--seeds", str(SEEDS), "--db", str(tmp_path / "kb.db"),
                 "email for the Bonn PhD"], out=out, err=io.StringIO())
    assert code == 0
    assert "shadi.albarqouni@ukbonn.de" in out.getvalue()


def test_ask_json(tmp_path: Path) -> None:
    out = io.StringIO()
    main(["ask", "--json", "--seeds", str(SEEDS), "--db", str(tmp_path / "kb.db"),
          "Is the PANCAIM vacancy open?"], out=out, err=io.StringIO())
    answer = json.loads(out.getvalue())
    assert answer["intent"] in ("status", "overview")
    assert answer["vacancies"][0]["status"] == "open"


def test_a_deadline_that_passed_since_the_last_build_is_noticed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "zebra.md").write_text(DEADLINE_PAGE, encoding="utf-8")
    db = tmp_path / "kb.db"
    question = "Is the zebrafish position still open?"
    for day, built, status in [(CORPUS_DAY, "no knowledge base yet", "is open"),
                               (CORPUS_DAY, "", "is open"),
                               (NEXT_DAY, "statuses were computed on 2024-06-01", "is closed")]:
        err = io.StringIO()
        router = open_router(seeds, db, err, day)
        assert router is not None
        assert (f"built the knowledge base ({built})" in err.getvalue()) if built \
            else err.getvalue() == ""
        answer, _ = router.respond(question, ChatContext())
        assert status in render_plain(answer)
        router.kb.close()
