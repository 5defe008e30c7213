"""vacbot's knowledge base: vacancy pages in, a queryable SQLite database out. No Telegram.

Public API:
- `build(folder, db)`: parse every page and atomically replace the database (`BuildError`
  lists every problem and leaves the old database serving);
- `read_folder(folder)`: parse only, collecting problems (what `vacbot check` uses);
- `parse_page(text, name)`: one page's text to a `Vacancy`;
- `KnowledgeBase(db)`: the read side the bot queries.
"""

from knowledge.errors import BuildError, KnowledgeError, PageError, Problem
from knowledge.ingest import BuildReport, Folder, build, read_folder
from knowledge.kb import Change, KnowledgeBase, Listing
from knowledge.model import Fact, FactKind, Kind, Section, Vacancy
from knowledge.parse import parse_page
from knowledge.store import SchemaError, short_key

__all__ = [
    "BuildError", "BuildReport", "Change", "Fact", "FactKind", "Folder", "Kind",
    "KnowledgeBase", "KnowledgeError", "Listing", "PageError", "Problem", "SchemaError",
    "Section", "Vacancy", "build", "parse_page", "read_folder", "short_key",
]
