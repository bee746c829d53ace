"""Commands run in-process (tests/rut.py) start as a new process would: nothing one leaves reaches the next."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from rutjournal.core.paths import resolve_paths
from rutjournal.core.storage import cipher
from tests.rut import rut

SECRET = "correct horse"


def rutjournal_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_rutjournal", False)]


def test_the_umask_and_the_environment_are_put_back(data_dir: Path, tmp_path: Path) -> None:
    before = os.umask(0o022)
    os.umask(before)
    environment = dict(os.environ)
    other = tmp_path / "other"
    assert rut("add", "words", env={"RUTJOURNAL_DATA_DIR": str(other), "HOME": None}).returncode == 0
    assert (other / "journal.sqlite3").exists() and not data_dir.exists()
    assert os.umask(before) == before  # main() made it 0o077 for the command only
    assert dict(os.environ) == environment


def test_each_command_logs_once_to_the_log_as_it_is_now_and_leaves_no_handler(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "journal.sqlite3").write_bytes(b"not a journal")
    log_file = resolve_paths().log_file
    assert rut("show", "today").returncode == 1
    assert rutjournal_handlers() == []
    shutil.rmtree(log_file.parent)  # the log folder is gone: the next command makes it again
    assert rut("show", "today").returncode == 1
    assert rut("show", "today").returncode == 1
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert len([line for line in lines if "show failed" in line]) == 2  # once per command
    assert rutjournal_handlers() == []


def test_a_passphrase_given_to_one_command_is_not_held_for_the_next(data_dir: Path) -> None:
    assert rut("add", "words").returncode == 0
    assert rut("passphrase", "set", stdin=f"{SECRET}\n{SECRET}\n").returncode == 0
    journal = data_dir / "journal.sqlite3"
    assert rut("show", "today", env={cipher.PASSPHRASE_ENV: SECRET}).returncode == 0
    assert cipher.passphrase_for(journal) is None
    assert rut("show", "today").returncode == 2  # asked again, as a new process would ask
    assert rut("show", "today", env={cipher.PASSPHRASE_ENV: "not the passphrase"}).returncode == 2


def test_version_and_help_end_with_the_status_a_process_would(data_dir: Path) -> None:
    assert rut("--version").returncode == 0
    shown = rut("--help")
    assert shown.returncode == 0 and shown.stdout.startswith("usage: rutjournal")
