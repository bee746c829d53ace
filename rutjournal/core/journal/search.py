"""Full-text search over entries with SQLite FTS5.

Works on a bare DB-API connection, so the command line can answer without importing SQLAlchemy. A query is
FTS5 syntax with two kindnesses: ``#tag`` searches the tags, and a word with punctuation in it (``don't``,
``1:1``, ``c++``) is searched as written instead of being a syntax error.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Any, NamedTuple

from rutjournal.core.errors import SearchSyntaxError
from rutjournal.core.i18n import N_, _
from rutjournal.core.journal import store_search
from rutjournal.core.plain_text import plain_line
from rutjournal.core.storage.dates import day_of

MARK_START, MARK_END = "\x02", "\x03"
OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_TOKEN = r'"[^"]*"?|[^\s"]+'  # compiled (by re, once) only for a query that is not plain words
# A word FTS5 reads as one bare token: letters, digits, _ and every non-ASCII character. Written as the
# ASCII characters it leaves out, which re compiles in a tenth of a millisecond; [\w\u0080-\U0010ffff], the
# same set, takes three (tests/core/test_search.py compares the two on every character).
BAREWORD = r"[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]+\*?"
# TRANSLATORS: how to write a search; promot* and #meeting are examples of what to type.
HELP = N_('Try plain words, a "quoted phrase", a prefix like promot* or a tag like #meeting.')


class SearchHit(NamedTuple):
    day: dt.date
    snippet: str  # with MARK_START / MARK_END around each match
    mood: int | None
    tags: tuple[str, ...] = ()

    def plain_snippet(self) -> str:
        """The snippet as a reader sees the text: each line without its Markdown marks, on one line."""
        return " ".join(part for part in (plain_line(line) for line in self.snippet.split("\n")) if part)

    def snippet_html(self) -> str:
        import html  # the window's snippets only

        escaped = html.escape(self.plain_snippet())
        text = escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")
        if self.tags:
            text += "&nbsp;&nbsp;<i>" + " ".join(html.escape(f"#{t}") for t in self.tags) + "</i>"
        return text

    def snippet_text(self, start: str = "[", end: str = "]") -> str:
        return self.plain_snippet().replace(MARK_START, start).replace(MARK_END, end)


def to_fts_query(query: str) -> str:
    """Turn what a person typed into an FTS5 query (see the module docstring)."""
    words = query.split()
    if all(map(_bare, words)):  # plain words, the usual search: FTS5 reads them as they are
        return " ".join(words)
    return _parsed(query)


def _parsed(query: str) -> str:
    parts = []
    for token in re.findall(_TOKEN, query):
        if token.startswith('"'):
            parts.append(token)
            continue
        opening = len(token) - len(token.lstrip("("))
        closing = len(token) - len(token.rstrip(")"))
        core = token[opening : len(token) - closing]
        parts.append("(" * opening + _word(core) + ")" * closing)
    return " ".join(p for p in parts if p)


def _bare(word: str) -> bool:
    """Whether ``word`` is one BAREWORD, without a pattern (tests/core/test_search_cap.py compares the two)."""
    stem = word[:-1] if word.endswith("*") else word
    return bool(stem) and all(c > "\x7f" or c.isalnum() or c == "_" for c in stem)


def _word(core: str) -> str:
    if not core or core in OPERATORS:
        return core
    if core.startswith("#") and len(core) > 1:
        tag = core.lstrip("#").lower()
        return f"tags : {tag}" if re.fullmatch(BAREWORD, tag) else f'tags : "{tag.rstrip("*")}"'
    if re.fullmatch(BAREWORD, core):
        return core
    return '"' + core.replace('"', '""') + '"'


def check_query(conn: Any, query: str) -> None:
    """Raise SearchSyntaxError if FTS5 cannot parse the query (checked on a scratch in-memory table)."""
    fts = to_fts_query(query)
    if not fts:
        return
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_check USING fts5(body, tags)")
    try:
        conn.execute("SELECT rowid FROM temp.query_check WHERE query_check MATCH ?", (fts,)).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchSyntaxError(_not_understood(query)) from exc


def _not_understood(query: str) -> str:
    # TRANSLATORS: {query} is the search as the user typed it; promot* and #meeting are examples to type.
    return _(
        'Could not understand the search “{query}”. Try plain words, a "quoted phrase", a prefix like promot* '
        "or a tag like #meeting."
    ).format(query=query.strip())


class Found(NamedTuple):
    hits: list[SearchHit]
    ranked: int | None = None  # when only the most recently written matches were ranked: how many were
    matched: int | None = None  # and how many entries match in all


def find(conn: Any, query: str, limit: int = 50, *, every: bool = False) -> Found:
    """Best matches first (bm25; a tag match weighs more than a word in the text), among the RANK_CAP most
    recently written matches, or among ``every`` one."""
    fts = to_fts_query(query)
    if not fts:
        return Found([])
    try:
        cap = None if every else store_search.RANK_CAP
        rows, ranked, matched = store_search.search_rows(conn, fts, limit, cap)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "unterminated" in str(exc) or "no such column" in str(exc):
            raise SearchSyntaxError(_not_understood(query)) from exc
        raise
    hits = [
        SearchHit(day_of(day), snippet or "", mood, tuple(tags.split()) if tags else ())
        for day, snippet, mood, tags in rows
    ]
    return Found(hits, ranked, matched)


def search(conn: Any, query: str, limit: int = 50) -> list[SearchHit]:
    """The hits of ``find``."""
    return find(conn, query, limit).hits


def mentions(conn: Any, text: str, limit: int = 20) -> list[SearchHit]:
    """Journal entries that mention every significant word of ``text`` (a task's title, say)."""
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 2 and w.upper() not in OPERATORS]
    if not words:
        return []
    return search(conn, " ".join(f'"{w}"' for w in dict.fromkeys(words)), limit=limit)
