"""Search looks up only a few of the best matches in ``entries``: the same hits, in the same order, as ranking
every match joined to its entry (``REFERENCE``), through ties at the cut and index rows without an entry."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator

import pytest

from rutjournal.core.journal import store_search
from rutjournal.core.journal.search import search, to_fts_query
from rutjournal.core.storage.connect import connect_raw
from rutjournal.core.values import Scores

REFERENCE = (
    "SELECT e.day, snippet(entry_search, 0, char(2), char(3), '…', 14), e.mood, entry_search.tags "
    "FROM entry_search JOIN entries e ON e.id = entry_search.rowid "
    "WHERE entry_search MATCH ? ORDER BY bm25(entry_search, 1.0, 4.0), e.day DESC LIMIT ?"
)
LIMITS = (1, 2, 3, 5, 9, 10, 11, 20, 31, 50, 200)


@pytest.fixture
def conn(db) -> Iterator[sqlite3.Connection]:  # type: ignore[no-untyped-def]
    connection = connect_raw(db.path)
    yield connection
    connection.close()


@pytest.fixture
def many(journal) -> None:  # type: ignore[no-untyped-def]
    """90 days saved out of order; 40 of them say the same, the others differ a little: exact ties in bm25."""
    picks = random.Random(13)
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(90)]
    picks.shuffle(days)
    for n, day in enumerate(days):
        words = (
            "promotion at the standup"
            if n < 40
            else " ".join(["promotion"] * (1 + n % 3) + ["meeting"] * (n % 4) + ["filler"] * (n % 5))
        )
        journal.save(day, words, Scores(mood=1 + n % 5), ["promotion"] if n % 11 == 0 else [])


@pytest.mark.parametrize(
    "query", ["promotion", "standup", "meeting", "filler OR standup", "promot*", "#promotion"]
)
def test_the_best_are_the_best_of_all(many, conn, query: str) -> None:  # type: ignore[no-untyped-def]
    fts = to_fts_query(query)
    for limit in LIMITS:
        assert (
            store_search.search_rows(conn, fts, limit).rows
            == conn.execute(REFERENCE, (fts, limit)).fetchall()
        )


def test_index_rows_without_an_entry_do_not_take_a_place(many, conn) -> None:  # type: ignore[no-untyped-def]
    best = conn.execute(
        "SELECT rowid FROM entry_search WHERE entry_search MATCH 'promotion' ORDER BY bm25(entry_search, 1.0, 4.0)"
    ).fetchall()[:12]
    conn.execute("DROP TRIGGER entries_search_delete")
    conn.executemany("DELETE FROM entries WHERE id = ?", best[::2])
    for limit in LIMITS:
        assert (
            store_search.search_rows(conn, "promotion", limit).rows
            == conn.execute(REFERENCE, ("promotion", limit)).fetchall()
        )
    assert len(search(conn, "promotion", limit=20)) == 20


RECENT = (  # REFERENCE among the ?3 matches with the highest rowids (the most recently written) only
    "SELECT e.day, snippet(entry_search, 0, char(2), char(3), '…', 14), e.mood, entry_search.tags "
    "FROM entry_search JOIN entries e ON e.id = entry_search.rowid WHERE entry_search MATCH ?1 AND "
    "entry_search.rowid >= coalesce((SELECT rowid FROM entry_search WHERE entry_search MATCH ?1 "
    "ORDER BY rowid DESC LIMIT 1 OFFSET ?3 - 1), -9223372036854775808) "
    "ORDER BY bm25(entry_search, 1.0, 4.0), e.day DESC LIMIT ?2"
)


@pytest.mark.parametrize("query", ["promotion", "meeting", "filler OR standup", "promot*", "#promotion"])
def test_a_cap_ranks_the_most_recently_written_and_counts_the_rest(many, conn, query: str) -> None:  # type: ignore[no-untyped-def]
    fts = to_fts_query(query)
    (matches,) = conn.execute(
        "SELECT count(*) FROM entry_search WHERE entry_search MATCH ?", (fts,)
    ).fetchone()
    for cap in (1, 7, 30, matches - 1, matches, 200):
        for limit in LIMITS:
            found = store_search.search_rows(conn, fts, limit, cap)
            most = max(cap, limit)
            assert found.rows == conn.execute(RECENT, (fts, limit, most)).fetchall()
            cut = (most, matches) if matches > most else (None, None)
            assert (found.ranked, found.matched) == cut


def test_without_a_cap_every_match_is_ranked(many, conn) -> None:  # type: ignore[no-untyped-def]
    for limit in LIMITS:
        found = store_search.search_rows(conn, "promotion", limit, None)
        assert found == (conn.execute(REFERENCE, ("promotion", limit)).fetchall(), None, None)
