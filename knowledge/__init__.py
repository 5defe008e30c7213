"""vacbot's knowledge base: vacancy pages in, a queryable SQLite database out. No Telegram.

Public API:
- `open_knowledge(seeds, db)`: THE way to open the knowledge base — builds it when missing,
  damaged or older than the pages, keeps the previous one when a rebuild fails; returns the
  `KnowledgeBase` and an `OpenReport`;
- `reload_knowledge(seeds, db)`: the strict rebuild of an admin's /reload (`BuildError`
  lists every problem and leaves the old database serving);
- `build(folder, db)`: parse every page and atomically replace the database;
- `read_folder(folder)`: parse only, collecting problems (what `vacbot check` uses);
- `parse_page(text, name)`: one page's text to a `Vacancy`;
- `KnowledgeBase(db)`: the read side the bot queries.

Every error raised on purpose is a `KnowledgeError` (`PageError`, `BuildError`,
`SchemaError`); what counts as an error and what as a warning is in `knowledge.errors`.
"""

from knowledge.errors import BuildError, KnowledgeError, PageError, Problem, SchemaError
from knowledge.ingest import BuildReport, Folder, build, read_folder
from knowledge.kb import Change, KnowledgeBase, Listing
from knowledge.model import Fact, FactKind, Kind, Position, Section, Vacancy
from knowledge.opening import OpenReport, open_knowledge, reload_knowledge
from knowledge.parse import parse_page
from knowledge.store import short_key

__all__ = [
    "BuildError", "BuildReport", "Change", "Fact", "FactKind", "Folder", "Kind",
    "KnowledgeBase", "KnowledgeError", "Listing", "OpenReport", "PageError", "Position",
    "Problem", "SchemaError", "Section", "Vacancy", "build", "open_knowledge",
    "parse_page", "read_folder", "reload_knowledge", "short_key",
]
