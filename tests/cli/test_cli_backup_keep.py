"""`rutjournal backup --keep N --remember`: the number of backups kept, stored for the window's daily backups."""

from __future__ import annotations

import json
from pathlib import Path

from rutjournal.core.paths import resolve_paths
from tests.rut import rut


def test_remember_stores_the_number_and_backup_then_uses_it(data_dir: Path) -> None:
    assert rut("add", "--date", "2026-03-01", "first").returncode == 0
    done = rut("backup", "--keep", "3", "--remember")
    assert done.returncode == 0, done.stderr
    assert "From now on the newest 3 backups are kept." in done.stdout
    settings = resolve_paths(data_dir).settings_file
    assert json.loads(settings.read_text()) == {"backup_keep": 3}
    listed = rut("backups").stdout
    assert "The newest 3 daily backups are kept" in listed and "--keep N --remember" in listed

    backups = data_dir / "backups"
    for n in range(5):  # older backups, by name, beside the real one
        (backups / f"journal-2026010{n + 1}-090000.sqlite3").write_bytes(
            next(backups.glob("journal-*.sqlite3")).read_bytes()
        )
    assert rut("backup").returncode == 0  # no --keep: the stored 3
    assert len(list(backups.glob("journal-*.sqlite3"))) == 3


def test_remember_needs_keep_and_a_number_in_range(data_dir: Path) -> None:
    for args in (("backup", "--remember"), ("backup", "--keep", "400", "--remember")):
        done = rut(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1
    assert not resolve_paths(data_dir).settings_file.exists()
