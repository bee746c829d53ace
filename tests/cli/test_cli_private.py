"""What the command line leaves on disk: private files, no half-written leftovers, no journal text in the log,
and a read-only journal that can still be read (issue 11, items 7, 8, 9 and 15)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from rutjournal.core.paths import resolve_paths
from rutjournal.core.storage import cipher
from tests.rut import rut

SECRET = "correct horse battery"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def journal_with_backups(data_dir: Path, n: int = 3) -> Path:
    assert rut("--data-dir", str(data_dir), "add", "--date", "2026-03-04", "A day at work.").returncode == 0
    for _ in range(n):
        assert rut("--data-dir", str(data_dir), "backup").returncode == 0
    return data_dir / "journal.sqlite3"


# --- item 7: private to the user -----------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_everything_written_is_private_to_the_user(data_dir: Path, tmp_path: Path) -> None:
    journal = journal_with_backups(data_dir, 1)
    assert rut("--data-dir", str(data_dir), "backup", "--keep", "5", "--remember").returncode == 0
    out = tmp_path / "out.json"
    assert rut("--data-dir", str(data_dir), "export", "--format", "json", "--out", str(out)).returncode == 0
    paths = resolve_paths(str(data_dir))
    for folder in (data_dir, data_dir / "backups", paths.log_dir, paths.config_dir):
        assert mode(folder) == 0o700, folder
    for file in (journal, *(data_dir / "backups").iterdir(), paths.log_file, paths.settings_file, out):
        assert mode(file) == 0o600, file


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_data_folder_an_older_version_left_open_is_made_private(data_dir: Path) -> None:
    journal_with_backups(data_dir, 1)
    data_dir.chmod(0o755)
    (data_dir / "backups").chmod(0o755)
    assert rut("--data-dir", str(data_dir), "show", "2026-03-04").returncode == 0
    assert mode(data_dir) == 0o700 and mode(data_dir / "backups") == 0o700


# --- item 8: interrupted work leaves nothing behind ---------------------------------------------------------

KILLED_BACKUP = """
import sys, time
from pathlib import Path
from rutjournal.core.storage import backups
def stall(path, **kw):
    print("copied", flush=True)
    time.sleep(60)
backups.verify_copy = stall
backups.take_backup(Path(sys.argv[1]), Path(sys.argv[1]).parent / "backups")
"""


def test_a_backup_killed_half_way_leaves_nothing_after_the_next_command(data_dir: Path) -> None:
    journal = journal_with_backups(data_dir, 0)
    proc = subprocess.Popen(  # a process: it is killed half-way
        [sys.executable, "-c", KILLED_BACKUP, str(journal)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "copied"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    left = [p.name for p in (data_dir / "backups").iterdir()]
    assert left and all(name.startswith(".partial-") for name in left)  # an unencrypted copy, half-made
    assert rut("--data-dir", str(data_dir), "show", "2026-03-04").returncode == 0
    assert list((data_dir / "backups").iterdir()) == []


KILLED_PASSPHRASE = """
import os, sys
from pathlib import Path
from rutjournal.core.storage import encryption
real = encryption._convert_backup
done = []
def convert_one_then_die(path, old, new, outcome):
    if done:
        os._exit(9)
    real(path, old, new, outcome)
    done.append(path)
encryption._convert_backup = convert_one_then_die
db = Path(sys.argv[1])
encryption.set_passphrase(db, db.parent / "backups", sys.argv[2])
"""


def test_a_passphrase_set_killed_half_way_is_finished_and_reported_next_time(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = journal_with_backups(data_dir, 3)
    killed = subprocess.run(  # a process: it dies half-way
        [sys.executable, "-c", KILLED_PASSPHRASE, str(journal), SECRET], check=False
    )
    assert killed.returncode == 9
    backups = sorted((data_dir / "backups").glob("journal-*.sqlite3"))
    assert sum(cipher.is_plain(p) for p in backups) == 2  # two backups left unencrypted, and no word of it

    monkeypatch.setenv(cipher.PASSPHRASE_ENV, SECRET)
    shown = rut("--data-dir", str(data_dir), "show", "2026-03-04")
    assert shown.returncode == 0, shown.stderr
    assert "interrupted" in shown.stderr and "2 backup(s) were still unencrypted" in shown.stderr
    cipher.forget()
    assert not any(cipher.is_plain(p) for p in backups)
    assert not (data_dir / "journal.sqlite3.converting").exists()
    again = rut("--data-dir", str(data_dir), "show", "2026-03-04")
    assert again.returncode == 0 and again.stderr == ""  # told once


# --- item 9: journal text never reaches the log or stderr --------------------------------------------------


def test_text_that_is_not_utf8_is_shown_and_never_quoted_into_a_message(data_dir: Path) -> None:
    journal = journal_with_backups(data_dir, 0)
    conn = sqlite3.connect(journal)
    with conn:
        conn.execute(
            "UPDATE entries SET body = CAST(? AS TEXT) WHERE day = '2026-03-04'",
            (b"### 08:00 my private words " + b"\xff\xfe",),
        )
    conn.close()
    for command in (["show", "2026-03-04"], ["search", "private"], ["report", "trends", "--json"]):
        result = rut("--data-dir", str(data_dir), *command)
        assert result.returncode == 0, result.stderr
        assert "private words" not in result.stderr
    assert "my private words \ufffd" in rut("--data-dir", str(data_dir), "show", "2026-03-04").stdout
    log_text = resolve_paths(str(data_dir)).log_file.read_text(encoding="utf-8")
    assert "private words" not in log_text


# --- item 15: a read-only journal can be read ---------------------------------------------------------------


def as_someone_else() -> list[str] | None:
    """A prefix that runs a command as an account that does not own the files (root ignores permissions)."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


@pytest.mark.skipif(as_someone_else() is None, reason="needs POSIX permissions (and setpriv when root)")
def test_a_read_only_journal_can_be_read_and_refuses_writes() -> None:
    with tempfile.TemporaryDirectory(prefix="rutjournal-shared-") as scratch:  # pytest's own is 0700
        read_only_journal(Path(scratch))


def read_only_journal(tmp_path: Path) -> None:
    data_dir = tmp_path / "shared" / "data"
    data_dir.mkdir(parents=True)
    journal = journal_with_backups(data_dir, 0)
    prefix = as_someone_else()
    assert prefix is not None
    home = tmp_path / "reader"
    home.mkdir()
    for folder in (tmp_path, tmp_path / "shared", data_dir):
        folder.chmod(0o755)
    journal.chmod(0o644 if prefix else 0o444)
    if not prefix:
        data_dir.chmod(0o555)
    home.chmod(0o777)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    before = journal.read_bytes()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # a process: run as another account
            [*prefix, sys.executable, "-m", "rutjournal", "--data-dir", str(data_dir), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    try:
        shown = run("show", "2026-03-04", "--json")
        assert shown.returncode == 0 and "A day at work." in shown.stdout, shown.stderr
        assert run("search", "work").returncode == 0
        assert run("report", "load").returncode == 0
        exported = run("export", "--format", "markdown", "--out", str(home / "md"))
        assert exported.returncode == 0, exported.stderr
        added = run("add", "more")
        assert added.returncode == 1 and "read-only" in added.stderr, added.stderr
        assert len(added.stderr.strip().splitlines()) == 1 and "Traceback" not in added.stderr
        task = run("task", "add", "x")
        assert task.returncode == 1 and "read-only" in task.stderr
    finally:
        data_dir.chmod(0o700)
    assert journal.read_bytes() == before
