"""The demo journal: a believable quarter, written through the services, the same every time."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.demo import DEMO_DAYS, MARKER_NAME, build_demo, ensure_demo
from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.core.load.service import Load
from rutjournal.core.paths import demo_data_dir, resolve_paths
from rutjournal.core.storage.db import open_database

TODAY = dt.date(2026, 12, 1)


def _rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT day, body, mood, energy, challenge, hours, load FROM entries ORDER BY day"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    ensure_demo(folder, today=TODAY)
    return folder / "journal.sqlite3"


def test_a_quarter_of_entries_ending_yesterday_with_scores_in_range(demo: Path) -> None:
    rows = _rows(demo)
    days = [dt.date.fromisoformat(str(r[0])) for r in rows]
    assert 55 <= len(rows) <= DEMO_DAYS
    assert days[0] >= TODAY - dt.timedelta(days=DEMO_DAYS) and days[-1] < TODAY
    assert (days[-1] - days[0]).days >= 80
    for _day, body, *scores, hours, load in rows:
        assert len(str(body).split()) >= 40
        assert all(s is None or 1 <= int(s) <= 5 for s in (*scores, load))  # type: ignore[call-overload]
        assert hours is None or 0 <= float(hours) <= 24  # type: ignore[arg-type]


def test_mondays_are_the_low_point_and_the_crunch_shows_in_the_hours(demo: Path) -> None:
    rows = _rows(demo)
    by_day = {dt.date.fromisoformat(str(r[0])): r for r in rows}
    monday = [r[2] for d, r in by_day.items() if d.weekday() == 0 and r[2] is not None]
    others = [r[2] for d, r in by_day.items() if 0 < d.weekday() < 5 and r[2] is not None]
    assert sum(monday) / len(monday) < sum(others) / len(others) - 0.5  # type: ignore[arg-type]
    crunch = [r[5] for d, r in by_day.items() if 35 <= (TODAY - d).days <= 49 and d.weekday() < 5]
    assert min(crunch) >= 9.5  # type: ignore[type-var]


def test_load_grow_guidance_and_crossroads_are_filled(demo: Path) -> None:
    db = open_database(demo)
    try:
        tasks = Load(db).tasks()
        assert len(tasks) == 15
        assert {t.decision for t in tasks} >= {"undecided", "keep", "delegate", "decline", "automate"}
        target = Grow(db, today=lambda: TODAY).active_target()
        assert target is not None and len(target.gaps) == 4
        assert sum(len(g.goals) for g in target.gaps) == 4
        assert len(Grow(db).evidence()) == 5
        conversations = Guidance(db, today=lambda: TODAY).conversations()
        assert len(conversations) == 3
        assert any(c.followups for c in conversations)
        with db.reader() as conn:
            assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM entry_search").fetchone()[0] > 0  # searchable
    finally:
        db.close()


def test_the_same_seed_and_day_give_the_same_journal(demo: Path, tmp_path: Path) -> None:
    db = open_database(tmp_path / "again.sqlite3")
    try:
        build_demo(db, TODAY)
    finally:
        db.close()
    assert _rows(tmp_path / "again.sqlite3") == _rows(demo)


def test_built_once_then_reused_unless_reset(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert ensure_demo(folder, today=TODAY) is not None
    assert (folder / MARKER_NAME).exists()
    stamp = (folder / "journal.sqlite3").stat().st_mtime_ns
    assert ensure_demo(folder, today=TODAY) is None
    assert (folder / "journal.sqlite3").stat().st_mtime_ns == stamp
    assert ensure_demo(folder, reset=True, today=TODAY + dt.timedelta(days=7)) is not None
    assert max(r[0] for r in _rows(folder / "journal.sqlite3")) == "2026-12-07"


def test_a_real_journal_is_never_taken_for_the_demo(data_dir: Path, journal) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.values import Scores

    journal.save(TODAY, "my own day", Scores(mood=3), [])
    folder = data_dir
    with pytest.raises(DatabaseProblem, match="not the demo"):
        ensure_demo(folder, reset=True)
    assert [r[1] for r in _rows(folder / "journal.sqlite3")] == ["my own day"]


def test_the_demo_folder_is_apart_from_the_users_own() -> None:
    own = resolve_paths().data_dir
    assert demo_data_dir() != own and not demo_data_dir().is_relative_to(own)
    assert demo_data_dir().name.endswith("-demo")
