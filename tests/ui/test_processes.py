"""The app as separate processes: a SIGKILL loses at most the last second, one writer per journal."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
DRIVER = Path(__file__).with_name("typing_driver.py")
ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    e = os.environ.copy()
    e["QT_QPA_PLATFORM"] = "offscreen"
    e["PYTHONPATH"] = str(ROOT)
    return e


def today_text(data_dir: Path) -> str | None:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        row = conn.execute(
            "SELECT body FROM entries WHERE day = ?", (dt.date.today().isoformat(),)
        ).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def start_typing(data_dir: Path, text: str) -> tuple[subprocess.Popen[str], float]:
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(data_dir), text], stdout=subprocess.PIPE, text=True, env=env()
    )
    assert proc.stdout is not None
    watchdog = threading.Timer(30, proc.kill)  # a hung start must fail the test, not stall the run
    watchdog.start()
    try:
        line = proc.stdout.readline()
    finally:
        watchdog.cancel()
    assert line.startswith("TYPED "), f"driver said {line!r} (exit {proc.poll()})"
    return proc, float(line.split()[1])


def stop(proc: subprocess.Popen[str], sig: signal.Signals) -> int:
    proc.send_signal(sig)
    code = proc.wait(10)
    assert proc.stdout is not None
    proc.stdout.close()
    return code


def log_text(home: Path) -> str:
    log = home / ".local/state/rutjournal/log/rutjournal.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def wait_for(predicate, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.05)


def run_app(
    data_dir: Path, *extra_env: tuple[str, str], timeout: float = 20
) -> subprocess.CompletedProcess[str]:
    e = env()
    e.update(dict(extra_env))
    return subprocess.run(
        [sys.executable, "-m", "rutjournal", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=e,
        timeout=timeout,
    )


def test_sigkill_one_second_after_typing_loses_nothing(data_dir: Path, tmp_path: Path) -> None:
    text = "Typed right before the power went out, every word of it."
    proc, typed_at = start_typing(data_dir, text)
    time.sleep(max(0.0, typed_at + 1.0 - time.time()))
    assert stop(proc, signal.SIGKILL) == -signal.SIGKILL
    assert today_text(data_dir) == text
    # The dead process's lock is stale: the next start opens the journal normally.
    report = tmp_path / "report.json"
    done = run_app(data_dir, ("RUTJOURNAL_STARTUP_REPORT", str(report)))
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text())["editable"] > 0
    assert today_text(data_dir) == text
    assert not (data_dir / "journal.lock").exists()  # released on a normal exit


def test_sigterm_saves_at_once_and_releases_the_lock(data_dir: Path) -> None:
    text = "Logging out mid-sentence"
    proc, _ = start_typing(data_dir, text)
    # No waiting for the autosave: the pending edit must be written on the way out.
    assert stop(proc, signal.SIGTERM) == 0
    assert today_text(data_dir) == text
    assert not (data_dir / "journal.lock").exists()


def test_a_second_start_wakes_the_first_and_exits(data_dir: Path, isolated_home: Path) -> None:
    first, _ = start_typing(data_dir, "first window")
    try:
        second = run_app(data_dir)
        assert second.returncode == 0, second.stderr
        wait_for(lambda: "asked this window to come to the front" in log_text(isolated_home))
        assert first.poll() is None  # the first is still running, and still the only writer
    finally:
        stop(first, signal.SIGTERM)
    assert today_text(data_dir) == "first window"


def test_a_lock_held_by_someone_unreachable_is_reported(data_dir: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLockFile

    data_dir.mkdir(parents=True)
    lock = QLockFile(str(data_dir / "journal.lock"))
    assert lock.tryLock(100)  # held by this (live) test process, which answers no wake-up calls
    try:
        blocked = run_app(data_dir)
    finally:
        lock.unlock()
    assert blocked.returncode == 1
    assert "already open" in blocked.stderr and str(data_dir) in blocked.stderr
    assert not (data_dir / "journal.sqlite3").exists()


def test_a_data_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    done = run_app(blocker / "data")
    assert done.returncode == 1
    assert str(blocker / "data") in done.stderr and "Traceback" not in done.stderr
    assert blocker.read_text() == "a file, not a folder"


def test_the_window_refuses_a_newer_journal_and_exits_non_zero(data_dir: Path) -> None:
    from rutjournal.core.storage.db import open_database

    open_database(data_dir / "journal.sqlite3").close()
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = (data_dir / "journal.sqlite3").read_bytes()
    done = run_app(data_dir)
    assert done.returncode == 1
    assert "newer version of rutjournal" in done.stderr and str(data_dir / "journal.sqlite3") in done.stderr
    assert (data_dir / "journal.sqlite3").read_bytes() == before
    assert not (data_dir / "journal.lock").exists()
