"""FTS5 search over entries and tags: query syntax, ranking, snippets and an index kept in step by triggers."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator

import pytest

from rutjournal.core.errors import SearchSyntaxError
from rutjournal.core.journal.search import BAREWORD, MARK_END, MARK_START, SearchHit, search, to_fts_query
from rutjournal.core.storage.connect import connect_raw
from rutjournal.core.values import Scores

D1, D2, D3, D4 = (dt.date(2026, 3, day) for day in (1, 2, 3, 4))


@pytest.fixture
def conn(db) -> Iterator[sqlite3.Connection]:  # type: ignore[no-untyped-def]
    connection = connect_raw(db.path)
    yield connection
    connection.close()


def days(conn: sqlite3.Connection, query: str) -> list[dt.date]:
    return [hit.day for hit in search(conn, query)]


def assert_index_consistent(conn: sqlite3.Connection) -> None:
    (entries,) = conn.execute("SELECT count(*) FROM entries").fetchone()
    (indexed,) = conn.execute("SELECT count(*) FROM entry_search").fetchone()
    assert indexed == entries
    conn.execute("INSERT INTO entry_search(entry_search) VALUES ('integrity-check')")
    for entry_id, body in conn.execute("SELECT id, body FROM entries").fetchall():
        tags = sorted(
            name
            for (name,) in conn.execute(
                "SELECT t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = ?",
                (entry_id,),
            )
        )
        row = conn.execute("SELECT body, tags FROM entry_search WHERE rowid = ?", (entry_id,)).fetchone()
        assert row is not None, f"entry {entry_id} is missing from the index"
        assert row[0] == body
        assert sorted(row[1].split()) == tags


def test_results_are_ranked_best_first(journal, conn) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, "promotion promotion promotion, all about the promotion", Scores(mood=5), [])
    journal.save(
        D2, "a long day of meetings, emails, reviews and one mention of promotion at the end", Scores(), []
    )
    journal.save(D3, "nothing relevant at all", Scores(), [])
    journal.save(D4, "lunch", Scores(), ["promotion"])  # a tag weighs more than words in the text
    hits = search(conn, "promotion")
    assert [hit.day for hit in hits] == [D4, D1, D2]
    assert hits[1].mood == 5 and hits[0].mood is None
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_equal_rank_newest_first_and_limit(journal, conn) -> None:  # type: ignore[no-untyped-def]
    for day in (D2, D4, D1, D3):
        journal.save(day, "same words here", Scores(), [])
    assert days(conn, "words") == [D4, D3, D2, D1]
    assert [hit.day for hit in search(conn, "words", limit=2)] == [D4, D3]


def test_phrase_prefix_and_tag(journal, conn) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, "the quick brown fox; I was promoted", Scores(), ["#Team Meeting"])
    journal.save(D2, "brown and quick, a promotion", Scores(), ["work"])
    journal.save(D3, "team building was fun, no meeting", Scores(), [])
    assert days(conn, '"quick brown"') == [D1]
    assert sorted(days(conn, "quick brown")) == [D1, D2]
    assert sorted(days(conn, "promot*")) == [D1, D2]
    assert days(conn, "promot") == []
    assert days(conn, "#team") == [D1]  # the tags column only: D3 has "team" in its text
    assert days(conn, "#Team-Meeting") == [D1]
    assert days(conn, "#work") == [D2]
    assert days(conn, "#wor*") == [D2]
    assert days(conn, "#fun") == []
    assert sorted(days(conn, "fox OR building")) == [D1, D3]
    assert days(conn, "brown NOT fox") == [D2]


def test_words_with_punctuation_are_searched_as_written(journal, conn) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, "I don't want another 1:1 about c++ and e-mail", Scores(), [])
    journal.save(D2, "don want t; 1 and 1", Scores(), [])
    assert to_fts_query("don't") == '"don\'t"'
    assert to_fts_query("1:1") == '"1:1"'
    assert days(conn, "don't") == [D1]
    assert days(conn, "1:1") == [D1]
    assert days(conn, "e-mail") == [D1]
    assert days(conn, "(don't OR nothing)") == [D1]


@pytest.mark.parametrize("query", ['"unbalanced', "(a OR", "AND)", "OR", "NOT x", "(", "a )"])
def test_unparsable_queries_raise_a_friendly_error(journal, conn, query: str) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, "a b c unbalanced", Scores(), [])
    with pytest.raises(SearchSyntaxError) as info:
        search(conn, query)
    message = str(info.value)
    assert query.strip() in message
    assert "quoted phrase" in message and "promot*" in message and "#meeting" in message
    assert "fts5" not in message.lower()


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_returns_nothing(journal, conn, query: str) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, "anything", Scores(), ["tag"])
    assert search(conn, query) == []


def test_index_follows_inserts_updates_tags_and_deletes(journal, conn) -> None:  # type: ignore[no-untyped-def]
    assert_index_consistent(conn)
    journal.save(D1, "apples and pears", Scores(), ["fruit"])
    journal.append(D2, "carrots", Scores(), [])
    assert_index_consistent(conn)
    assert days(conn, "apples") == [D1]
    assert days(conn, "#fruit") == [D1]

    journal.save(D1, "bananas only", Scores(), ["fruit"])  # body update
    assert days(conn, "apples") == []
    assert days(conn, "bananas") == [D1]
    assert_index_consistent(conn)

    journal.append(D2, "and peas", Scores(), ["Veg", "green"])  # body + tag add
    assert days(conn, "peas") == [D2]
    assert days(conn, "#veg") == [D2]
    assert days(conn, "#green") == [D2]
    assert_index_consistent(conn)

    journal.save(D2, "carrots\n\nand peas", Scores(), ["green"])  # tag removed
    assert days(conn, "#veg") == []
    assert days(conn, "#green") == [D2]
    assert_index_consistent(conn)

    journal.save(D1, "bananas only", Scores(), [])  # last tag removed
    assert days(conn, "#fruit") == []
    assert days(conn, "bananas") == [D1]
    assert_index_consistent(conn)

    assert journal.save(D1, "", Scores(), []) is None  # entry deleted
    assert days(conn, "bananas") == []
    assert_index_consistent(conn)
    assert conn.execute("SELECT count(*) FROM entry_search").fetchone() == (1,)

    journal.save(D2, " ", Scores(), [])
    assert days(conn, "carrots") == [] and days(conn, "#green") == []
    assert conn.execute("SELECT count(*) FROM entry_search").fetchone() == (0,)
    assert_index_consistent(conn)


def test_snippet_html_escapes_the_body_and_bolds_matches(journal, conn) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, 'Try <script>alert("x")</script> & <b>bold</b>\nthen the meeting', Scores(), [])
    (hit,) = search(conn, "meeting")
    assert MARK_START in hit.snippet and MARK_END in hit.snippet
    html = hit.snippet_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>meeting</b>" in html
    assert "\n" not in html and MARK_START not in html and MARK_END not in html
    assert hit.snippet_text() == 'Try <script>alert("x")</script> & <b>bold</b> then the [meeting]'
    (hit,) = search(conn, "script")
    assert hit.snippet_html().count("<b>script</b>") == 2


def test_snippet_html_escapes_tags_too(journal, conn) -> None:  # type: ignore[no-untyped-def]
    journal.save(D1, "plain words", Scores(), ["<img src=x>", "work"])
    (hit,) = search(conn, "#work")
    assert sorted(hit.tags) == ["<img-src=x>", "work"]
    html = hit.snippet_html()
    assert "<img" not in html
    assert "#&lt;img-src=x&gt;" in html and "#work" in html


def test_snippet_of_a_long_entry_is_short_with_ellipsis(journal, conn) -> None:  # type: ignore[no-untyped-def]
    words = [f"word{i}" for i in range(200)]
    words[100] = "needle"
    journal.save(D1, " ".join(words), Scores(), [])
    (hit,) = search(conn, "needle")
    text = hit.snippet_text()
    assert "[needle]" in text
    assert text.startswith("…") and text.endswith("…")
    assert len(text.split()) <= 16


def file_bytes(path) -> bytes:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_replaced_and_deleted_text_leaves_the_file_after_a_purge(journal, db) -> None:  # type: ignore[no-untyped-def]
    for i in range(20):
        journal.save(dt.date(2026, 1, 1) + dt.timedelta(days=i), f"filler {i} about work", Scores(), [])
    journal.save(dt.date(2026, 3, 1), "my salary is quxzyxwv", Scores(), ["privatetagqq"])
    journal.save(dt.date(2026, 3, 1), "nothing to see", Scores(), [])
    journal.save(dt.date(2026, 3, 2), "another secret plughvvv", Scores(), [])
    journal.save(dt.date(2026, 3, 2), "", Scores(), [])
    db.close()
    assert b"quxzyxwv" in file_bytes(db.path)  # FTS5 keeps old words in its segments until they merge
    journal.purge_deleted_text()
    db.close()
    for secret in (b"quxzyxwv", b"plughvvv", b"privatetagqq"):
        assert secret not in file_bytes(db.path)
    with db.reader() as raw:
        assert len(search(raw, "filler")) == 20  # the index still answers


def test_mentions_finds_entries_naming_a_task(journal, db) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.journal.search import mentions

    journal.save(dt.date(2026, 5, 1), "Spent the morning on the weekly status report.", Scores(), [])
    journal.save(dt.date(2026, 5, 2), "Status of the migration: fine. Report later.", Scores(), [])
    journal.save(dt.date(2026, 5, 3), "Nothing about it.", Scores(), [])
    with db.reader() as raw:
        assert sorted(h.day for h in mentions(raw, "Weekly status report")) == [dt.date(2026, 5, 1)]
        assert sorted(h.day for h in mentions(raw, "Status report")) == [
            dt.date(2026, 5, 1),
            dt.date(2026, 5, 2),
        ]
        assert mentions(raw, "a, of") == []


def test_a_bare_word_is_the_set_fts5_reads_as_one_token() -> None:
    # Every character, each alone between spaces: the written-out set must take exactly what
    # [\w\u0080-\U0010ffff] takes (letters, digits, _ and every non-ASCII character), and nothing else.
    every = " ".join(chr(c) for c in range(0x110000) if c != 0x20)
    assert re.findall(BAREWORD, every) == re.findall(r"[\w\u0080-\U0010ffff]+\*?", every)
    assert re.fullmatch(BAREWORD, "naïve_2024*") and not re.fullmatch(BAREWORD, "no-dash")
