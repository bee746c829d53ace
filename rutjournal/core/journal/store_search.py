"""Search's SQL on the journal's index ``entry_search`` (FTS5, its rowid the entry's id: a later entry has a
higher one).

bm25 costs about 6.5 k instructions for each match it scores, so it scores at most ``RANK_CAP`` of them: the
most recently written. Finding where they start walks rowids without scoring; FTS5 then starts the ranked
scan there. (bm25 still walks every match of each phrase once, about a thousand instructions each, for its
inverse document frequency; counting the matches left out costs about the same.)
"""

from __future__ import annotations

from typing import Any, NamedTuple

RANK_CAP = 5_000  # matches ranked at most, the most recently written; --all ranks every one
_LOWEST = -(1 << 63)  # no entry has a rowid this low: above it, every match is ranked
_SPAN = "SELECT (SELECT max(id) FROM entries) - (SELECT min(id) FROM entries) + 1"  # two look-ups: >= entries
_NEWEST_LEFT_OUT = (
    "SELECT rowid FROM entry_search WHERE entry_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)
_LEFT_OUT = "SELECT count(*) FROM entry_search WHERE entry_search MATCH ? AND rowid <= ?"
_SEARCH = (  # the ?3 best by bm25 alone, their days, the ?2 best of those (none if a tie crosses the ?3rd) snipped
    "WITH top AS MATERIALIZED (SELECT rowid AS id, bm25(entry_search, 1.0, 4.0) AS score FROM entry_search WHERE "
    "entry_search MATCH ?1 AND rowid > ?4 ORDER BY score LIMIT ?3), found AS MATERIALIZED (SELECT t.id, "
    "t.score, e.day, e.mood FROM top t JOIN entries e ON e.id = t.id), kept AS MATERIALIZED (SELECT * FROM found "
    "WHERE (SELECT count(*) FROM top) < ?3 OR (SELECT max(score) FROM top) > (SELECT max(score) FROM (SELECT "
    "score FROM found ORDER BY score LIMIT ?2)) ORDER BY score, day DESC LIMIT ?2), cut AS MATERIALIZED (SELECT "
    "rowid AS id, snippet(entry_search, 0, char(2), char(3), '…', 14) AS snip, tags FROM entry_search WHERE "
    "entry_search MATCH ?1 AND rowid > ?4 AND +rowid IN (SELECT id FROM kept)) SELECT k.day, c.snip, k.mood, "
    "c.tags FROM kept k JOIN cut c ON c.id = k.id ORDER BY k.score, k.day DESC"
)  # +rowid: one pass over the ranked matches, not one query per kept row; rowid > ?4: FTS5 starts after it


class SearchRows(NamedTuple):
    rows: list[tuple[Any, ...]]  # day, snippet, mood, tags
    ranked: int | None = None  # how many matches were ranked, when some were left out (else None)
    matched: int | None = None  # and how many match in all


def search_rows(conn: Any, fts_query: str, limit: int, cap: int | None = RANK_CAP) -> SearchRows:
    """Day, snippet, mood and tags of an FTS5 query's best matches: bm25, a tag over a word, then the later day;
    among the ``cap`` (at least ``limit``) most recently written matches, or all of them when ``cap`` is None.

    A journal whose entries' ids span no more than that has no more matches (index rows left without an entry
    aside, which are then ranked too): it is not walked for the newest match left out."""
    cursor = conn.cursor()
    after, ranked, matched = _LOWEST, None, None
    most = None if cap is None else max(cap, limit)
    if most is not None and (cursor.execute(_SPAN).fetchone()[0] or 0) > most:
        found = cursor.execute(_NEWEST_LEFT_OUT, (fts_query, most)).fetchone()
        if found is not None:  # more matches than that: the older ones are left out
            after, ranked = found[0], most
            matched = most + cursor.execute(_LEFT_OUT, (fts_query, after)).fetchone()[0]
    rows = cursor.execute(_SEARCH, (fts_query, limit, 2 * limit + 10, after)).fetchall()
    if len(rows) < limit:  # few matches, a tie at the cut or index rows without entries: all
        rows = cursor.execute(_SEARCH, (fts_query, limit, 1 << 62, after)).fetchall()
    return SearchRows(rows, ranked, matched)  # SQLite's errors are the caller's to explain
