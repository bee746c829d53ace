"""The journal service: save (the editor), append (the command line), marks, tags and the streak."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import time
from pathlib import Path

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.journal import store
from rutjournal.core.storage.dates import now_utc
from rutjournal.core.values import MAX_BODY_CHARS, Scores

DAY = dt.date(2026, 3, 10)


def raw_rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def file_digest(db) -> str:  # type: ignore[no-untyped-def]
    """Hash what is on disk (every connection is closed after its use: nothing is pooled)."""
    digest = hashlib.sha256(db.path.read_bytes())
    wal = db.path.with_name(db.path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def test_save_creates_an_entry(journal, db) -> None:  # type: ignore[no-untyped-def]
    assert journal.get(DAY) is None
    entry = journal.save(
        DAY, "First day.", Scores(mood=4, energy=2, challenge=3, hours=7.5, load=5), ["#Work"]
    )
    assert entry is not None
    assert (entry.day, entry.body, entry.tags) == (DAY, "First day.", ("work",))
    assert entry.scores == Scores(mood=4, energy=2, challenge=3, hours=7.5, load=5)
    assert journal.get(DAY) == entry
    assert raw_rows(db.path, "SELECT day, body, mood, energy, challenge, hours, load FROM entries") == [
        ("2026-03-10", "First day.", 4, 2, 3, 7.5, 5)
    ]


def test_save_replaces_the_whole_entry(journal, db) -> None:  # type: ignore[no-untyped-def]
    first = journal.save(DAY, "old text", Scores(mood=2, energy=3, hours=8), ["a", "b"])
    second = journal.save(DAY, "new text", Scores(mood=5), ["c", "B"])
    assert second is not None and first is not None
    assert second.id == first.id
    assert second.body == "new text"
    assert second.scores == Scores(mood=5)  # energy and hours were not kept
    assert second.tags == ("b", "c")
    assert journal.get(DAY) == second
    assert raw_rows(db.path, "SELECT count(*) FROM entries") == [(1,)]
    assert journal.tag_names() == ["b", "c"]  # "a" is no longer used anywhere, so it is gone


def test_blank_scores_are_stored_as_null_not_zero(journal, db) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "no numbers today", Scores(), [])
    journal.save(DAY + dt.timedelta(days=1), "only hours", Scores(hours=0), [])
    rows = raw_rows(
        db.path,
        "SELECT day, mood IS NULL, energy IS NULL, challenge IS NULL, load IS NULL, hours IS NULL, "
        "typeof(hours), hours FROM entries ORDER BY day",
    )
    assert rows == [
        ("2026-03-10", 1, 1, 1, 1, 1, "null", None),
        ("2026-03-11", 1, 1, 1, 1, 0, "real", 0.0),  # zero hours is a value, not blank
    ]
    entry = journal.get(DAY)
    assert entry is not None and entry.scores == Scores()


def test_saving_an_empty_entry_deletes_it(journal, db) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "something", Scores(mood=3), ["t"])
    assert journal.save(DAY, "  \n\t ", Scores(), []) is None
    assert journal.get(DAY) is None
    assert raw_rows(db.path, "SELECT count(*) FROM entries") == [(0,)]
    assert raw_rows(db.path, "SELECT count(*) FROM entry_tags") == [(0,)]
    assert journal.save(DAY + dt.timedelta(days=1), "", Scores(), []) is None  # nothing to delete: fine
    assert raw_rows(db.path, "SELECT count(*) FROM entries") == [(0,)]


def test_an_entry_with_only_a_score_or_a_tag_is_kept(journal) -> None:  # type: ignore[no-untyped-def]
    assert journal.save(DAY, "", Scores(load=1), []) is not None
    assert journal.save(DAY + dt.timedelta(days=1), "", Scores(), ["x"]) is not None
    assert sorted(journal.marks(DAY, DAY + dt.timedelta(days=1))) == [DAY, DAY + dt.timedelta(days=1)]


def test_unchanged_save_keeps_updated_at(journal) -> None:  # type: ignore[no-untyped-def]
    first = journal.save(DAY, "same", Scores(mood=3, hours=8), ["b", "a"])
    time.sleep(0.01)
    again = journal.save(DAY, "same", Scores(mood=3, hours=8.0), ["#A", "b"])
    assert again is not None and first is not None
    assert again.updated_at == first.updated_at
    stored = journal.get(DAY)
    assert stored is not None and stored.updated_at == first.updated_at
    time.sleep(0.01)
    changed = journal.save(DAY, "same.", Scores(mood=3, hours=8), ["a", "b"])
    assert changed is not None
    assert changed.updated_at > first.updated_at
    assert changed.created_at == first.created_at


def test_append_creates_then_appends_with_a_blank_line(journal) -> None:  # type: ignore[no-untyped-def]
    created = journal.append(DAY, "first line", Scores(), [])
    assert created.body == "first line"
    appended = journal.append(DAY, "second line", Scores(), [])
    assert appended.id == created.id
    assert appended.body == "first line\n\nsecond line"
    journal.save(DAY, "ends with newlines\n\n\n", Scores(), [])
    assert journal.append(DAY, "more", Scores(), []).body == "ends with newlines\n\nmore"


def test_append_telling_gives_the_day_before_and_after(journal) -> None:  # type: ignore[no-untyped-def]
    before, created = journal.append_telling(DAY, "first line", Scores(mood=2), [])
    assert before is None and created == journal.get(DAY)
    before, after = journal.append_telling(DAY, "second line", Scores(mood=4), ["x"])
    assert before == created
    assert (after.body, after.scores.mood, after.tags) == ("first line\n\nsecond line", 4, ("x",))
    assert after == journal.get(DAY)


def test_append_merges_scores_and_adds_tags(journal) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "text", Scores(mood=2, energy=3, hours=6), ["work", "b"])
    merged = journal.append(DAY, "", Scores(mood=4, load=5), ["#New Tag", "work"])
    assert merged.body == "text"
    assert merged.scores == Scores(mood=4, energy=3, challenge=None, hours=6, load=5)
    assert merged.tags == ("b", "new-tag", "work")
    assert journal.get(DAY) == merged


@pytest.mark.parametrize(
    ("field", "call"),
    [
        ("mood", lambda j: j.save(DAY, "x", Scores(mood=6), [])),
        ("hours", lambda j: j.save(DAY, "x", Scores(hours=7.25), [])),
        ("tag", lambda j: j.save(DAY, "x", Scores(), ["t" * 65])),
        ("text", lambda j: j.save(DAY, "x" * (MAX_BODY_CHARS + 1), Scores(), [])),
        ("energy", lambda j: j.append(DAY, "x", Scores(energy=0), [])),
        ("tag", lambda j: j.append(DAY, "x", Scores(), ["ok", "-"])),
        ("load", lambda j: j.append(DAY, "x", Scores(load=True), [])),
        ("text", lambda j: j.append(DAY, "y" * MAX_BODY_CHARS, Scores(), [])),  # too long once appended
    ],
)
def test_invalid_input_raises_and_writes_nothing(journal, db, field, call) -> None:  # type: ignore[no-untyped-def]
    before = journal.save(DAY, "kept", Scores(mood=3), ["keep"])
    digest = file_digest(db)
    with pytest.raises(InvalidInput) as info:
        call(journal)
    assert info.value.field == field
    assert file_digest(db) == digest
    assert journal.get(DAY) == before
    assert journal.tag_names() == ["keep"]


def test_marks_over_a_month_with_moods(journal) -> None:  # type: ignore[no-untyped-def]
    for day, mood in [
        (dt.date(2026, 2, 28), 1),
        (dt.date(2026, 3, 1), 3),
        (dt.date(2026, 3, 15), None),
        (dt.date(2026, 3, 31), 5),
        (dt.date(2026, 4, 1), 2),
    ]:
        journal.save(day, f"entry on {day}", Scores(mood=mood), [])
    assert journal.marks(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == {
        dt.date(2026, 3, 1): 3,
        dt.date(2026, 3, 15): None,
        dt.date(2026, 3, 31): 5,
    }
    assert journal.marks(dt.date(2026, 5, 1), dt.date(2026, 5, 31)) == {}
    assert journal.marks(dt.date(2026, 4, 1), dt.date(2026, 4, 1)) == {dt.date(2026, 4, 1): 2}


def test_tag_names_sorted_and_unique(journal) -> None:  # type: ignore[no-untyped-def]
    assert journal.tag_names() == []
    journal.save(DAY, "a", Scores(), ["Zeta", "#alpha", "Mid Point"])
    journal.append(DAY + dt.timedelta(days=1), "b", Scores(), ["ALPHA", "beta"])
    assert journal.tag_names() == ["alpha", "beta", "mid-point", "zeta"]


def add_days(db, days: list[dt.date]) -> None:  # type: ignore[no-untyped-def]
    """Many entries in one transaction (a commit per day would be slow with synchronous=FULL)."""
    bulk = [store.BulkDay(day, None, f"day {day}", Scores(), ()) for day in days]
    with db.writer() as conn:
        store.write_days(conn, bulk, (), now_utc())


def run(last: dt.date, length: int) -> list[dt.date]:
    return [last - dt.timedelta(days=i) for i in range(length)]


def test_streak_counts_today_when_written(journal, db) -> None:  # type: ignore[no-untyped-def]
    add_days(db, run(DAY, 5))
    assert journal.streak(DAY) == 5


def test_streak_counts_to_yesterday_while_today_is_unwritten(journal, db) -> None:  # type: ignore[no-untyped-def]
    add_days(db, run(DAY - dt.timedelta(days=1), 3))
    assert journal.streak(DAY) == 3
    assert journal.streak(DAY + dt.timedelta(days=1)) == 0  # yesterday unwritten too: no streak


def test_streak_stops_at_a_gap_and_ignores_later_days(journal, db) -> None:  # type: ignore[no-untyped-def]
    add_days(db, run(DAY, 4) + run(DAY - dt.timedelta(days=5), 10) + [DAY + dt.timedelta(days=3)])
    assert journal.streak(DAY) == 4
    assert journal.streak(DAY - dt.timedelta(days=5)) == 10
    assert journal.streak(DAY - dt.timedelta(days=4)) == 10  # the gap day is "today", unwritten
    assert journal.streak(dt.date(2000, 1, 1)) == 0


@pytest.mark.parametrize("length", [365, 366, 367, 400, 733])
def test_long_streak_crosses_the_366_day_chunks(journal, db, length: int) -> None:  # type: ignore[no-untyped-def]
    add_days(db, [*run(DAY, length), DAY - dt.timedelta(days=length + 1)])
    assert journal.streak(DAY) == length
    assert journal.streak(DAY + dt.timedelta(days=1)) == length


def test_big_unicode_entry_round_trips_exactly(journal, db) -> None:  # type: ignore[no-untyped-def]
    piece = (
        "Today 🙂👩🏽‍💻 shipped it.\n"
        "مرحبا بالعالم، اجتماع الساعة ٣\n"
        "שלום עולם — פגישה ב-10\n"
        "\u200fmixed ‏RTL‎ marks\u202e reversed\u202c\r\n"
        "tabs\tand 🇩🇪 flags, e\u0301 combining, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n\n"
    )
    body = (piece * (100_000 // len(piece) + 1))[:99_990] + "👩🏽‍💻 end\n"
    body = body + "x" * (100_000 - len(body))
    assert len(body) == 100_000
    saved = journal.save(DAY, body, Scores(mood=4), ["עברית", "#عربي"])
    assert saved is not None and saved.body == body
    loaded = journal.get(DAY)
    assert loaded is not None
    assert loaded.body.encode("utf-8") == body.encode("utf-8")
    assert loaded.tags == tuple(sorted(["עברית", "عربي"]))
    ((raw,),) = raw_rows(db.path, "SELECT body FROM entries")
    assert raw == body
    assert journal.save(DAY, body, Scores(mood=4), ["עברית", "عربي"]) == loaded  # unchanged: no rewrite


def test_is_empty_until_a_day_has_an_entry(journal) -> None:  # type: ignore[no-untyped-def]
    assert journal.is_empty()
    journal.save(dt.date(2026, 3, 2), "", Scores(mood=2), [])
    assert not journal.is_empty()
    journal.save(dt.date(2026, 3, 2), "", Scores(), [])  # nothing left in it: the entry goes
    assert journal.is_empty()


def test_a_new_day_outside_the_bounds_is_refused_and_one_already_held_can_be_edited(journal) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.journal.entry_merge import EditBase

    old = dt.date(1850, 6, 1)
    for write in (
        lambda: journal.save(old, "too early", Scores(), []),
        lambda: journal.append(old, "too early", Scores(), []),
        lambda: journal.save(
            dt.date.today().replace(year=dt.date.today().year + 101), "too late", Scores(), []
        ),
    ):
        with pytest.raises(InvalidInput, match="date"):
            write()
    assert journal.get(old) is None
    with journal.db.reader() as conn:  # an older journal holding such a day
        conn.execute(
            "INSERT INTO entries (day, body, created_at, updated_at) VALUES (?, 'kept', ?, ?)",
            (old.isoformat(), "2020-01-01 00:00:00", "2020-01-01 00:00:00"),
        )
    held = journal.get(old)
    assert held is not None
    saved = journal.save_edit(old, "kept, and edited", Scores(), [], EditBase.of(held))
    assert saved.entry is not None and saved.entry.body == "kept, and edited"


def test_a_streak_longer_than_the_cap_is_the_cap_and_costs_no_more(db) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.journal import store
    from rutjournal.core.journal.service import STREAK_CAP, Journal

    first = DAY - dt.timedelta(days=STREAK_CAP + 40)
    with db.writer() as conn:
        conn.executemany(
            "INSERT INTO entries (day, body, created_at, updated_at) VALUES (?, 'x', 'x', 'x')",
            [(first + dt.timedelta(days=i),) for i in range(STREAK_CAP + 41)],
        )
        assert store.read_streak(conn, DAY) == STREAK_CAP
        conn.execute("DELETE FROM entries WHERE day = ?", (DAY - dt.timedelta(days=STREAK_CAP - 2),))
        assert store.read_streak(conn, DAY) == STREAK_CAP - 2  # a gap inside the cap is still found
    assert Journal(db).streak(DAY) == STREAK_CAP - 2


def test_the_tag_box_offers_the_tags_used_most_in_the_last_year_first(journal) -> None:  # type: ignore[no-untyped-def]
    old = DAY - dt.timedelta(days=400)
    for i in range(5):  # long ago, #archive was everywhere
        journal.save(old + dt.timedelta(days=i), "x", Scores(), ["archive"])
    for i in range(3):
        journal.save(DAY - dt.timedelta(days=i), "x", Scores(), ["standup", "zeta"])
    journal.save(DAY - dt.timedelta(days=5), "x", Scores(), ["standup"])
    assert journal.known_tags(DAY) == ["standup", "zeta", "archive"]
