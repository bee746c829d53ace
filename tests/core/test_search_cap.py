"""Search ranks at most RANK_CAP matches, the most recently written, and says so when it left some out: in the
command line's output, its JSON and the window (tests/ui/test_search_ranked.py); ``--all`` ranks every one.
Plain words skip the query's patterns and give the same FTS5 query."""

from __future__ import annotations

import datetime as dt
import json
import random
import re

import pytest

from rutjournal.core.journal import store, store_search
from rutjournal.core.journal.search import BAREWORD, _bare, _parsed, find, to_fts_query
from rutjournal.core.storage.dates import now_utc
from rutjournal.core.values import Scores
from tests.rut import heavy_imports, rut

OLD = 60  # the first entries written, the best matches of all
START = dt.date(1990, 1, 1)
SENTENCE = "Ranked the 5,000 most recently written of 5,060 matching entries; --all ranks every one."


@pytest.fixture
def crowded(db) -> None:  # type: ignore[no-untyped-def]
    """5,060 entries that say promotion: the 60 written first say it three times, the 5,000 after them once."""
    days = [
        store.BulkDay(
            START + dt.timedelta(days=n),
            None,
            "promotion promotion promotion" if n < OLD else f"promotion and the weekly report number {n}",
            Scores(mood=1 + n % 5),
            (),
        )
        for n in range(OLD + store_search.RANK_CAP)
    ]
    with db.writer() as conn:
        store.write_days(conn, days, (), now_utc())
    db.close()


def test_only_the_most_recently_written_are_ranked_and_the_rest_are_counted(crowded) -> None:  # type: ignore[no-untyped-def]
    ran = rut("search", "promotion", "--limit", "3")
    assert ran.returncode == 0, ran.stderr
    *lines, said = ran.stdout.splitlines()
    assert said == SENTENCE
    assert len(lines) == 3 and all(line[:10] >= str(START + dt.timedelta(days=OLD)) for line in lines)
    shown = json.loads(rut("search", "promotion", "--limit", "2", "--json").stdout)
    assert [(hit["ranked"], hit["matched"]) for hit in shown] == [(5000, 5060)] * 2


def test_all_ranks_every_match(crowded) -> None:  # type: ignore[no-untyped-def]
    lines = rut("search", "promotion", "--limit", "3", "--all").stdout.splitlines()
    assert [line[:10] for line in lines] == [
        str(START + dt.timedelta(days=n)) for n in (OLD - 1, OLD - 2, OLD - 3)
    ]
    assert "ranked" not in rut("search", "promotion", "--limit", "1", "--all", "--json").stdout


def test_a_limit_above_the_cap_ranks_as_many(crowded) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.paths import resolve_paths
    from rutjournal.core.storage.connect import connect_raw

    conn = connect_raw(resolve_paths(None).database, read_only=True)
    try:
        found = find(conn, "promotion", limit=5050)
        assert (len(found.hits), found.ranked, found.matched) == (5050, 5050, 5060)
        assert find(conn, "promotion", limit=5060).ranked is None  # none left out
        assert find(conn, "report", limit=20).ranked is None  # 5,000 match: all ranked
    finally:
        conn.close()


def test_plain_words_are_the_bare_words_of_the_pattern() -> None:
    every = [chr(n) for n in range(0x250)] + ["\u00a0", "\u2028", "\u3000", "\U0001f600", "\x1c"]
    for c in every:
        for word in (c, c + "*", "a" + c, c + "b*", c + "**"):
            assert _bare(word) == bool(re.fullmatch(BAREWORD, word)), repr(word)
    picks = random.Random(13)
    pieces = [
        "promot*",
        "AND",
        "OR",
        "NOT",
        "naïve",
        "x",
        "_",
        "2024",
        "*",
        "#tag",
        '"a b"',
        "(c",
        "d)",
        "1:1",
    ]
    spaces = [" ", "  ", "\t", "\u00a0", "\u3000", "\x1c", "\n"]
    for _ in range(3000):
        query = "".join(picks.choice(pieces) + picks.choice(spaces) for _ in range(picks.randint(0, 4)))
        assert to_fts_query(query) == _parsed(query), repr(query)


def test_a_plain_search_needs_neither_the_journal_store_nor_the_query_patterns(
    data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Search has its SQL of its own (store_search); plain words need no pattern compiled to be a query."""
    assert rut("add", "--date", "2026-03-01", "First words").returncode == 0
    store_and_reading = ("rutjournal.core.journal.store", "rutjournal.core.journal.reading")
    assert heavy_imports(["search", "first", "words*"], heavy=store_and_reading) == [[0]]
    monkeypatch.setattr(re, "findall", None)
    assert to_fts_query(" first\twords* OR naïve ") == "first words* OR naïve"
