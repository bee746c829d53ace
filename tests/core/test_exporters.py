"""The JSON export and its restore (a byte-identical round trip over every kind of record), and bad exports
refused with their place and nothing written."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.core.journal.search import search
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.storage.db import Database, open_database
from rutjournal.core.storage.migrations import HEAD_REVISION
from rutjournal.core.transfer.exporters.json_export import export_json
from rutjournal.core.transfer.exporters.json_restore import JournalNotEmpty, restore_json
from rutjournal.core.transfer.exporters.tables import TABLES, data_tables
from rutjournal.core.transfer.importers.records import ImportFileError
from rutjournal.core.values import Scores

TODAY = dt.date(2026, 3, 10)
LONG_BODY = ("Ein langer Tag — 長い一日 😀 " * 5000)[:100_000]


def seed(db: Database) -> None:
    """One or more of every kind of record, each written through the service that owns it."""
    journal = Journal(db)
    journal.save(
        dt.date(2026, 3, 2), "Monday: the *status report* again.", Scores(2, 3, 1, 7.5, 4), ["Meeting"]
    )
    journal.save(
        dt.date(2026, 3, 3),
        "Café, naïve façade — Zoë’s “quotes”, a comma, and\na new line.",
        Scores(4, 4, 5, 9, 2),
        ["review", "café"],
    )
    journal.save(dt.date(2026, 3, 4), LONG_BODY, Scores(mood=5), [])
    journal.save(dt.date(2026, 3, 5), "", Scores(hours=0.5), ["blank-text"])
    journal.append(dt.date(2026, 3, 5), "Appended later.", Scores(load=1), ["extra"])

    load = Load(db)
    report = load.add("Weekly status report", minutes_per_week=120, in_jd="no", enjoyment=-2, value=1)
    load.add("Team sync", kind="meeting", minutes_per_week=60, in_jd="partly")
    load.decide(report, "delegate", to="Sam", reason="admin work", on=dt.date(2026, 3, 3))
    load.done(report, on=dt.date(2026, 3, 9))

    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Analyst", by=dt.date(2025, 1, 1))
    grow.set_target("Senior Analyst", by=dt.date(2027, 9, 30))
    gap = grow.add_gap("Stakeholder management", "experience", "Runs a quarterly review alone")
    goal = grow.add_goal("Lead the Q2 review", gap, due=dt.date(2026, 6, 30), started_on=dt.date(2026, 2, 1))
    first = grow.add_milestone(goal, "Draft the agenda")
    grow.add_milestone(goal, "Present to the board")
    grow.set_milestone_done(first, on=dt.date(2026, 3, 1))
    grow.update_goal(goal, manual_percent=40)
    grow.add_evidence(
        "Shipped the pricing dashboard", day=dt.date(2026, 3, 6), result="2 h/week saved", goal_id=goal
    )
    challenge = grow.add_challenge("Own the vendor negotiation", "Dana", asked_on=dt.date(2026, 2, 20))
    grow.answer_challenge(challenge, "later", on=dt.date(2026, 3, 2))

    guidance = Guidance(db, today=lambda: TODAY)
    talk = guidance.add_conversation(dt.date(2026, 3, 8), "Dana", "boss", held=True, notes="Talked growth")
    guidance.add_option(talk, "cross_training", "Two weeks with the data team")
    done = guidance.add_followup(talk, "Send the training request", "me", due=dt.date(2026, 3, 15))
    guidance.add_followup(talk, "Confirm the budget", "them")
    guidance.set_followup_done(done, on=dt.date(2026, 3, 9))
    guidance.add_promotion(
        dt.date(2026, 1, 15), "refused", reason="budget freeze", role_title="Senior Analyst"
    )

    crossroads = Crossroads(db, today=lambda: TODAY)
    answers = {q.key: 1 + i % 5 for i, q in enumerate(crossroads.questions())}
    crossroads.save_checkin(dt.date(2026, 3, 1), answers, note="Flat month.")
    crossroads.add_application("Acme", "Senior Analyst", stage="interview", applied_on=dt.date(2026, 2, 2))


@pytest.fixture
def seeded(db: Database) -> Database:
    seed(db)
    return db


@pytest.fixture
def empty(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "other" / "journal.sqlite3")
    yield database
    database.close()


def row_counts(db: Database) -> dict[str, int]:
    with db.reader() as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in data_tables(conn)}


def test_the_export_knows_every_table_of_the_schema(db: Database) -> None:
    with db.reader() as conn:
        found = data_tables(conn)
    assert found == list(TABLES), "a table the export does not know: add it to exporters/tables.py and docs"


def test_round_trip_through_an_empty_journal_gives_the_same_file(
    seeded: Database, empty: Database, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    result = export_json(seeded, first)
    assert all(result.counts[t] > 0 for t in TABLES), "the seed must hold every kind of record"

    restored = restore_json(empty, first)
    assert restored.counts == result.counts and not restored.dry_run
    assert "4 entries" in restored.lines()
    export_json(empty, second)
    assert first.read_bytes() == second.read_bytes()

    data = json.loads(first.read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"], data["schema_revision"]) == (
        "rutjournal",
        1,
        HEAD_REVISION,
    )
    assert list(data["tables"]) == sorted(TABLES)
    bodies = [e["body"] for e in data["tables"]["entries"]]
    assert LONG_BODY in bodies and "“quotes”" in first.read_text(encoding="utf-8")  # kept, not \u-escaped


def test_search_works_on_the_restored_journal(seeded: Database, empty: Database, tmp_path: Path) -> None:
    export_json(seeded, tmp_path / "x.json")
    restore_json(empty, tmp_path / "x.json")
    with seeded.reader() as a, empty.reader() as b:
        for query in ("status report", "#café", "naive", "長い一日", "#extra", "appended"):
            assert [h.day for h in search(a, query)] == [h.day for h in search(b, query)] != []
        b.execute("INSERT INTO entry_search(entry_search) VALUES ('integrity-check')")
        assert b.execute("SELECT count(*) FROM entry_search").fetchone() == (4,)


def test_the_export_is_deterministic_and_one_row_a_line(seeded: Database, tmp_path: Path) -> None:
    export_json(seeded, tmp_path / "a.json")
    export_json(seeded, tmp_path / "b.json")
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert text == (tmp_path / "b.json").read_text(encoding="utf-8")
    assert "exported_at" not in text and text.endswith("}\n")
    rows = [line.strip().rstrip(",") for line in text.splitlines() if line.startswith("      {")]
    assert len(rows) == sum(row_counts(seeded).values())
    for line in rows:
        row = json.loads(line)
        assert list(row) == sorted(row)
    entries = json.loads(text)["tables"]["entries"]
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)
    assert entries[0]["day"] == "2026-03-02" and entries[0]["hours"] == 7.5
    assert len(entries[0]["created_at"]) == 26  # "YYYY-MM-DD HH:MM:SS.ffffff", as stored


def test_the_json_export_of_an_empty_journal_restores_to_nothing(
    db: Database, empty: Database, tmp_path: Path
) -> None:
    export_json(db, tmp_path / "e.json")
    assert json.loads((tmp_path / "e.json").read_text())["tables"]["entries"] == []
    assert restore_json(empty, tmp_path / "e.json").lines() == ["nothing (the export holds no data)"]


def test_a_dry_run_counts_and_writes_nothing(seeded: Database, empty: Database, tmp_path: Path) -> None:
    export_json(seeded, tmp_path / "x.json")
    result = restore_json(empty, tmp_path / "x.json", dry_run=True)
    assert result.dry_run and result.counts["entries"] == 4
    assert set(row_counts(empty).values()) == {0}


def test_a_journal_with_data_is_not_restored_into(seeded: Database, tmp_path: Path) -> None:
    export_json(seeded, tmp_path / "x.json")
    before = row_counts(seeded)
    with pytest.raises(JournalNotEmpty, match=r"not empty \(4 entries.*empty journal.*merging"):
        restore_json(seeded, tmp_path / "x.json")
    assert row_counts(seeded) == before


def edited(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "place", "reason"),
    [
        (lambda d: d["tables"].update(secrets=[]), "table 'secrets'", "not a table rutjournal has"),
        (
            lambda d: d["tables"]["entries"][0].update(mood=9),
            "table entries, row 1, column mood",
            "9 is not allowed",
        ),
        (lambda d: d["tables"]["entries"][1].update(day="2026-02-30"), "row 2, column day", "must be a date"),
        (lambda d: d["tables"]["entries"][0].update(hours="lots"), "column hours", "must be a number"),
        (
            lambda d: d["tables"]["tasks"][0].update(colour="red"),
            "table tasks, row 1",
            "unknown column 'colour'",
        ),
        (
            lambda d: d["tables"]["entry_tags"][0].update(entry_id=999),
            "table entry_tags, row 1",
            "refers to a row",
        ),
        (lambda d: d["tables"]["entries"][0].pop("day"), "column day", "is missing"),
        (lambda d: d["tables"]["tags"].append(d["tables"]["tags"][0]), "table tags, row", "unique"),
        (lambda d: d.update(format_version=2), "", "newer rutjournal"),
        (lambda d: d.update(schema_revision="0099"), "schema_revision", "newer rutjournal"),
        (lambda d: d.update(format="jrnl"), "", "not a rutjournal export"),
    ],
)
def test_a_bad_export_is_refused_with_its_place_and_nothing_written(
    seeded: Database,
    empty: Database,
    tmp_path: Path,
    change,
    place: str,
    reason: str,  # type: ignore[no-untyped-def]
) -> None:
    path = edited(export_json(seeded, tmp_path / "x.json").paths[0], change)
    with pytest.raises(ImportFileError) as caught:
        restore_json(empty, path)
    assert place in caught.value.place and reason in caught.value.reason
    assert "nothing was imported" in str(caught.value)
    assert set(row_counts(empty).values()) == {0}
    with empty.reader() as conn:
        assert conn.execute("SELECT count(*) FROM entry_search").fetchone() == (0,)


@pytest.mark.parametrize(
    ("content", "place", "reason"),
    [
        (None, "line ", "ends "),
        (b'{"format": "rutjournal",, }', "line 1 column 25", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "byte 1", "not UTF-8"),
        (b"", "line 1 column 1", "ends too early"),
        (
            b'{"format": "rutjournal", "format_version": 1, "schema_revision": "0005", "tables": {"entries": '
            b'[{"hours": NaN}]}}',
            "",
            "NaN is not a number",
        ),
    ],
)
def test_a_broken_file_is_refused_with_its_place(
    seeded: Database, empty: Database, tmp_path: Path, content: bytes | None, place: str, reason: str
) -> None:
    path = export_json(seeded, tmp_path / "x.json").paths[0]
    whole = path.read_bytes()
    half = (
        whole[: len(whole) // 2].decode("utf-8", "ignore").encode()
    )  # cut between characters, not inside one
    path.write_bytes(half if content is None else content)
    with pytest.raises(ImportFileError) as caught:
        restore_json(empty, path)
    assert caught.value.place.startswith(place) and reason in caught.value.reason
    assert set(row_counts(empty).values()) == {0}


def test_an_older_schema_export_restores(empty: Database, tmp_path: Path) -> None:
    """Revisions so far only added tables: an export of revision 0001 is a subset of today's schema."""
    old = {
        "format": "rutjournal",
        "format_version": 1,
        "schema_revision": "0001",
        "tables": {
            "entries": [
                {
                    "id": 7,
                    "day": "2020-01-01",
                    "body": "old",
                    "mood": 3,
                    "energy": None,
                    "challenge": None,
                    "hours": None,
                    "load": None,
                    "created_at": "2020-01-01 20:00:00.000000",
                    "updated_at": "2020-01-01 20:00:00.000000",
                }
            ],
            "tags": [],
            "entry_tags": [],
        },
    }
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    assert restore_json(empty, tmp_path / "old.json").counts["entries"] == 1
    assert Journal(empty).get(dt.date(2020, 1, 1)).body == "old"  # type: ignore[union-attr]
    with empty.reader() as conn:
        assert [h.day for h in search(conn, "old")] == [dt.date(2020, 1, 1)]


def test_restore_leaves_no_open_transaction_behind(seeded: Database, tmp_path: Path) -> None:
    export_json(seeded, tmp_path / "x.json")
    with pytest.raises(JournalNotEmpty):
        restore_json(seeded, tmp_path / "x.json")
    conn = sqlite3.connect(seeded.path, timeout=0.1)
    conn.execute("BEGIN IMMEDIATE")  # the write lock is free again
    conn.rollback()
    conn.close()
