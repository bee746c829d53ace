"""When the machine fails — a full disk, a settings file nobody could have meant — a command says so plainly."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.paths import resolve_paths
from tests.rut import rut


def test_a_full_disk_while_saving_is_one_plain_sentence(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rut("add", "first").returncode == 0

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")  # as the journal's store meets it

    monkeypatch.setattr("rutjournal.core.journal.service.Journal.append_telling", full)
    done = rut("add", "secret words")
    assert (done.returncode, done.stdout) == (1, "")
    log_file = resolve_paths().log_file
    assert done.stderr.splitlines() == [
        f"rutjournal add: the disk holding {data_dir / 'journal.sqlite3'} is full: free some space and try "
        f"again; nothing was written (details in {log_file})"
    ]


def test_a_full_disk_while_exporting_names_the_export(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rut("add", "words").returncode == 0
    out = tmp_path / "journal.json"

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("rutjournal.core.transfer.exporters.files.os.fsync", no_space)
    done = rut("export", "--format", "json", "--out", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith(
        f"rutjournal export: the disk holding {out} is full: free some space and try again; nothing was written"
    )
    assert len(done.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "home"]  # no partial file left either


def test_a_settings_file_nested_too_deep_falls_back_to_the_defaults(data_dir: Path) -> None:
    settings = resolve_paths().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert rut("add", "still works").returncode == 0
    assert rut("backup").returncode == 0
    shown = rut("backups")
    assert shown.returncode == 0, shown
    assert "The newest 14 daily backups are kept" in shown.stdout  # the default
    log = resolve_paths().log_file.read_text(encoding="utf-8")
    assert f"cannot read the settings file {settings}" in log and "using the defaults" in log
