"""The journal's store: a save is all or nothing, the bulk write of imports, and no ORM on any write path."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.core.journal import store
from rutjournal.core.journal.search import search
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.dates import now_utc
from rutjournal.core.storage.db import Database
from rutjournal.core.values import Scores

DAY = dt.date(2026, 3, 10)


class Stop(Exception):
    pass


def test_a_save_that_fails_after_writing_the_entry_leaves_the_day_as_it_was(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.save(DAY, "Kept.", Scores(mood=2), ["old"])
    before = journal.get(DAY)

    def fail(_conn: object) -> None:
        raise Stop  # the entry and its tags are written by now, the transaction not yet committed

    monkeypatch.setattr(store, "drop_unused_tags", fail)
    with pytest.raises(Stop):
        journal.save(DAY, "Replaced.", Scores(mood=5), ["new"])
    with pytest.raises(Stop):
        journal.save(DAY + dt.timedelta(days=1), "A new day.", Scores(), ["other"])
    monkeypatch.undo()
    assert journal.get(DAY) == before
    assert journal.get(DAY + dt.timedelta(days=1)) is None
    assert journal.tag_names() == ["old"]


def test_the_bulk_write_adds_new_days_and_updates_old_ones(journal: Journal, db: Database) -> None:
    journal.save(DAY, "Mine.", Scores(mood=3), ["old"])
    before = journal.get(DAY)
    assert before is not None
    later = DAY + dt.timedelta(days=1)
    days = [
        store.BulkDay(DAY, before.id, "Mine.\n\nImported zebra.", Scores(mood=3, hours=7.5), ["gained"]),
        store.BulkDay(later, None, "A new day about a walrus.", Scores(energy=4), ["walk", "gained"]),
    ]
    with db.writer() as conn:
        store.write_days(conn, days, ["gained", "walk"], now_utc())
    old, new = journal.get(DAY), journal.get(later)
    assert old is not None and new is not None
    assert (old.body, old.scores, old.tags) == (
        "Mine.\n\nImported zebra.",
        Scores(mood=3, hours=7.5),
        ("gained", "old"),
    )
    assert old.revision > before.revision and old.created_at == before.created_at
    assert (new.body, new.scores, new.tags) == (
        "A new day about a walrus.",
        Scores(energy=4),
        ("gained", "walk"),
    )
    with db.reader() as conn:  # the search index followed, tags included
        assert [hit.day for hit in search(conn, "zebra")] == [DAY]
        assert [hit.day for hit in search(conn, "#walk")] == [later]
        assert sorted(hit.day for hit in search(conn, "#gained")) == [DAY, later]


def test_a_bulk_write_stopped_half_way_leaves_nothing(journal: Journal, db: Database) -> None:
    days = [
        store.BulkDay(DAY - dt.timedelta(days=n), None, f"day {n}", Scores(), ["bulk"]) for n in range(1200)
    ]
    written: list[int] = []

    def tick(rows: int) -> None:
        written.append(rows)
        if sum(written) >= store.CHUNK:  # the first batch of entries is in
            raise Stop

    with pytest.raises(Stop), db.writer() as conn:
        store.write_days(conn, days, ["bulk"], now_utc(), tick)
    assert sum(written) == store.CHUNK
    assert journal.is_empty() and journal.tag_names() == []


def test_a_restored_row_goes_only_into_a_journal_table(db: Database) -> None:
    with pytest.raises(ValueError), db.writer() as conn:
        store.restore_row(conn, "tasks", {"title": "not the journal's"})


WRITES = """
import datetime as dt, json, sys
from pathlib import Path
from rutjournal.core.journal.entry_merge import EditBase
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores

db = open_database(Path(sys.argv[1]))
journal = Journal(db)
day = dt.date(2026, 3, 10)
journal.save(day, "first", Scores(mood=3), ["a"])
loaded = journal.get(day)
journal.append(day, "from the shell", Scores(energy=2), ["b"])
saved = journal.save_edit(day, "first, edited", Scores(mood=4), ["a"], EditBase.of(loaded))
journal.rename_tag("a", "c")
journal.merge_tags(["b"], "c")
journal.delete_tag("c")
journal.purge_deleted_text()
db.close()
print(json.dumps([saved.merged, "sqlalchemy" in sys.modules]))
"""


def test_no_write_of_the_journal_imports_sqlalchemy(data_dir: Path, db: Database) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WRITES, str(db.path)], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == [True, False]
