"""Console transport: `vacbot chat` (interactive or JSON lines) and `vacbot ask`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TextIO

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from knowledge import KnowledgeError, open_knowledge

__all__ = ["ask", "chat", "open_router"]


def open_router(seeds: Path, db: Path, err: TextIO,
                today: dt.date | None = None) -> Router | None:
    """Open the knowledge base (`knowledge.open_knowledge`: built on first use, rebuilt when
    pages changed, the database is damaged or open/closed was settled for an earlier day) and
    say on `err` what was done. `today` (default: the machine's date) settles open/closed."""
    try:
        kb, report = open_knowledge(seeds, db, today)
    except KnowledgeError as exc:
        print(f"cannot open the knowledge base: {exc}", file=err)
        return None
    for line in report.lines():
        print(line, file=err)
    return Router(kb)


def _jsonl_line(router: Router, line: str, n: int,
                contexts: dict[str, ChatContext]) -> dict[str, object]:
    try:
        message = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": f"line {n}: not JSON ({exc.msg})", "line": n}
    if not isinstance(message, dict) or "text" not in message:
        return {"error": f"line {n}: expected an object with \"chat_id\" and \"text\"", "line": n}
    chat_id = message.get("chat_id", 0)
    if not isinstance(chat_id, (int, str)) or isinstance(chat_id, bool):
        return {"error": f"line {n}: chat_id must be a number or a string", "line": n}
    key = str(chat_id)
    answer, contexts[key] = router.respond(str(message["text"]), contexts.get(key, ChatContext()))
    return answer.to_json(chat_id)


def chat(seeds: Path, db: Path, jsonl: bool, stdin: TextIO, out: TextIO, err: TextIO,
         today: dt.date | None = None) -> int:
    router = open_router(seeds, db, err, today)
    if router is None:
        return 1
    contexts: dict[str, ChatContext] = {}
    if jsonl:
        for n, line in enumerate(stdin, start=1):
            if not line.strip():
                continue
            try:
                obj = _jsonl_line(router, line, n, contexts)
            except Exception as exc:  # never let one message end the conversation
                obj = {"error": f"line {n}: internal error: {type(exc).__name__}", "line": n}
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            out.flush()
        return 0
    print("Ask me about our vacancies (empty line or Ctrl-D to quit).", file=out)
    ctx = ChatContext()
    while True:
        out.write("> ")
        out.flush()
        line = stdin.readline()
        if not line or not line.strip():
            return 0
        answer, ctx = router.respond(line, ctx)
        text = render_plain(answer)
        print(text, file=out)
        for button in answer.buttons:
            if button.url and button.url not in text:
                print(f"  [{button.label}] {button.url}", file=out)
        print(file=out)


def ask(question: str, seeds: Path, db: Path, as_json: bool, out: TextIO, err: TextIO,
        today: dt.date | None = None) -> int:
    router = open_router(seeds, db, err, today)
    if router is None:
        return 1
    answer, _ = router.respond(question, ChatContext())
    if as_json:
        print(json.dumps(answer.to_json(0), ensure_ascii=False, indent=2), file=out)
    else:
        print(render_plain(answer), file=out)
    return 0
