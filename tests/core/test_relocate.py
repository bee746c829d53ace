"""Moving the journal: copied, checked, the setting stored, and only then the old file renamed aside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rutjournal.core.errors import DatabaseProblem, InvalidInput
from rutjournal.core.journal.service import Journal
from rutjournal.core.paths import AppPaths, resolve_paths
from rutjournal.core.settings import load_settings
from rutjournal.core.storage.backups import take_backup
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.relocate import move_journal
from rutjournal.core.values import Scores

NOW = dt.datetime(2026, 12, 1, 15, 30, 0)


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    paths = resolve_paths(data_dir)
    db = open_database(paths.database)
    try:
        for n in range(5):
            Journal(db).save(dt.date(2026, 11, 1 + n), f"day {n}", Scores(mood=3), ["work"])
    finally:
        db.close()
    take_backup(paths.database, paths.backup_dir)
    return paths


def _bodies(path: Path) -> list[str]:
    db = open_database(path)
    try:
        with db.reader() as conn:
            return [r[0] for r in conn.execute("SELECT body FROM entries ORDER BY day")]
    finally:
        db.close()


def test_the_journal_moves_with_its_backups_and_the_old_file_is_kept_aside(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")
    target = tmp_path / "elsewhere" / "journal folder"
    moved = move_journal(paths, target, now=NOW)
    assert moved.data_dir == target and moved.entries == 5 and moved.warning == ""
    assert _bodies(target / "journal.sqlite3") == [f"day {n}" for n in range(5)]
    assert moved.backups_copied == 1 and len(list((target / "backups").glob("journal-*.sqlite3"))) == 1
    assert not paths.database.exists()
    assert moved.old_kept_as == paths.data_dir / "journal.sqlite3.moved-20261201-153000"
    assert _bodies(moved.old_kept_as) == [f"day {n}" for n in range(5)]  # never deleted
    assert load_settings(paths.settings_file).data_dir == str(target)
    assert resolve_paths().data_dir == target


def test_the_environment_variable_still_wins_and_the_user_is_told(paths: AppPaths, tmp_path: Path) -> None:
    moved = move_journal(paths, tmp_path / "new", now=NOW)
    assert "RUTJOURNAL_DATA_DIR" in moved.warning
    assert (tmp_path / "new" / "journal.sqlite3").exists()


@pytest.mark.parametrize("what", ["journal", "marker", "same", "inside", "file"])
def test_an_unsuitable_folder_is_refused_and_nothing_changes(
    paths: AppPaths, tmp_path: Path, what: str
) -> None:
    target = tmp_path / "taken"
    if what == "journal":
        open_database(target / "journal.sqlite3").close()
    elif what == "marker":
        target.mkdir()
        (target / "journal.sqlite3.encrypted").write_text("an encrypted journal was here")
    elif what == "same":
        target = paths.data_dir
    elif what == "inside":
        target = paths.data_dir / "sub"
    else:
        target.write_text("a file")
    before = paths.database.read_bytes()
    with pytest.raises(InvalidInput):
        move_journal(paths, target, now=NOW)
    assert paths.database.read_bytes() == before
    assert load_settings(paths.settings_file).data_dir == ""


def test_a_copy_that_does_not_check_out_moves_nothing(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rutjournal.core.storage import relocate

    monkeypatch.setattr(relocate, "verify_copy", lambda _p: (4, "whatever"))
    with pytest.raises(DatabaseProblem, match="nothing was moved"):
        move_journal(paths, tmp_path / "new", now=NOW)
    assert paths.database.exists()
    assert list((tmp_path / "new").iterdir()) == []
    assert load_settings(paths.settings_file).data_dir == ""


def test_an_encrypted_journal_stays_encrypted_with_its_marker(paths: AppPaths, tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from rutjournal.core.storage import cipher
    from rutjournal.core.storage.encryption import set_passphrase

    set_passphrase(paths.database, paths.backup_dir, "correct horse battery")
    try:
        moved = move_journal(paths, tmp_path / "new", now=NOW)
        new_db = tmp_path / "new" / "journal.sqlite3"
        assert cipher.is_encrypted(new_db)
        assert moved.old_kept_as is not None and cipher.marker_path(moved.old_kept_as).exists()
        assert _bodies(new_db) == [f"day {n}" for n in range(5)]
    finally:
        cipher.forget()


def test_moving_back_to_a_former_folder_keeps_its_old_backups(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")
    away = move_journal(paths, tmp_path / "away", now=NOW)
    (away.data_dir / "backups" / "journal-20260101-000000.sqlite3").write_bytes(b"only in the new place")
    there = resolve_paths()
    back = move_journal(there, paths.data_dir, now=NOW + dt.timedelta(minutes=1))
    assert back.data_dir == paths.data_dir and back.entries == 5
    assert _bodies(paths.database) == [f"day {n}" for n in range(5)]
    assert (paths.backup_dir / "journal-20260101-000000.sqlite3").exists()
    assert len(list(paths.data_dir.glob("journal.sqlite3.moved-*"))) == 1  # the first move's old file, kept
    assert resolve_paths().data_dir == paths.data_dir
