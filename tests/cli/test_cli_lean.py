"""The everyday commands import only what they use (issue 13: a command near the speed of SQLite).

Each of these modules costs a command a large share of the time Python itself takes to start; each is wanted
only when something rarer happens: ``logging`` when a record is written, ``platformdirs`` when the data folder
is not given or a setting is read, ``json`` for ``--json``, ``dataclasses`` nowhere on these paths (the records
they read and write are ``NamedTuple``\\ s), ``shutil`` and ``tempfile`` for copies and scratch files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rut import rut

LEAN = ("logging", "platformdirs", "json", "dataclasses", "shutil", "tempfile")
_RUN = """
import sys
from rutjournal.__main__ import main
code = main(sys.argv[2:])
print("\\n" + " ".join([str(code)] + [m for m in sys.argv[1].split(",") if m in sys.modules]))
"""


def imported(*argv: str) -> list[str]:
    """Run one command in a fresh interpreter: its exit status and the modules of LEAN it imported."""
    done = subprocess.run(
        [sys.executable, "-c", _RUN, ",".join(LEAN), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ.copy(),
        timeout=60,
        input="",
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.rstrip("\n").rsplit("\n", 1)[-1].split()


def test_everyday_commands_import_none_of_the_costly_modules(data_dir: Path) -> None:
    assert rut("add", "--date", "2026-03-01", "--mood", "3", "First words").returncode == 0
    assert rut("task", "add", "Reports", "--hours", "1").returncode == 0  # the journal exists: no first run
    for argv in (
        ["add", "More words"],
        ["show", "2026-03-01"],
        ["search", "words"],
        ["task", "add", "Team sync", "--hours", "0.5"],
        ["task", "list"],
        ["report", "load"],
    ):
        assert imported(*argv) == ["0"], argv


def test_the_costly_modules_still_come_when_they_are_wanted(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rut("add", "--date", "2026-03-01", "First words").returncode == 0
    assert imported("show", "2026-03-01", "--json") == ["0", "json"]
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "journal.sqlite3").write_bytes(b"not a journal" * 100)
    found = imported("--data-dir", str(damaged), "show", "2026-03-01")
    assert found[0] == "1" and "logging" in found  # the failure is written to the log
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")  # the folder is platformdirs' (under this test's XDG folders)
    assert imported("show", "2026-03-01")[:2] == ["0", "platformdirs"]
