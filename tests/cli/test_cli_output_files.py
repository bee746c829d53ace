"""What ``--out`` may replace: a new file, or a regular file the user named — never a link, a folder, a pipe or a
device (export, report and plot alike); and a killed export leaves nothing behind after the next command."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.core.transfer.exporters.leftovers import RECORD_DIR, remove_abandoned_exports
from tests.rut import rut

WRITERS = [
    ["export", "--format", "json", "--out"],
    ["export", "--format", "csv", "--out"],
    ["report", "brief", "--out"],
    ["report", "promotion-case", "--out"],
    ["plot", "mood", "--out"],
]
SUFFIX = {"json": ".json", "csv": ".csv", "brief": ".md", "promotion-case": ".md", "mood": ".png"}


@pytest.fixture
def journal(data_dir: Path) -> Path:
    assert rut("add", "--date", "2024-03-05", "--mood", "4", "words").returncode == 0
    assert rut("target", "set", "Lead").returncode == 0
    return data_dir


def target(folder: Path, args: list[str]) -> Path:
    return folder / f"out{SUFFIX[args[-2]]}"


def refused(args: list[str], out: Path, allowed: str) -> None:
    done = rut(*args, str(out))
    assert (done.returncode, done.stdout) == (2, ""), done
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and f": --out: must be {allowed}" in lines[0], done.stderr


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("args", WRITERS, ids=[a[-2] for a in WRITERS])
def test_a_symlink_at_out_is_refused_and_what_it_points_to_is_untouched(
    journal: Path, tmp_path: Path, args: list[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = target(tmp_path, args)
    out.symlink_to(victim)
    refused(args, out, "a new file or a regular file, not a symbolic link")
    assert out.is_symlink() and victim.read_text(encoding="utf-8") == "keep me"
    assert hidden(tmp_path) == []


@pytest.mark.parametrize("args", WRITERS, ids=[a[-2] for a in WRITERS])
def test_a_fifo_or_a_device_at_out_is_refused(journal: Path, tmp_path: Path, args: list[str]) -> None:
    out = target(tmp_path, args)
    os.mkfifo(out)
    refused(args, out, "a new file or a regular file, not a pipe, device or socket")  # opening it would hang
    assert out.exists() and not out.is_file()
    if args[0] == "export":  # the others want a name ending .md or .png
        refused(args, Path(os.devnull), "a new file or a regular file, not a pipe, device or socket")


@pytest.mark.parametrize("args", WRITERS, ids=[a[-2] for a in WRITERS])
def test_a_folder_at_out_is_refused(journal: Path, tmp_path: Path, args: list[str]) -> None:
    out = target(tmp_path, args)
    out.mkdir()
    done = rut(*args, str(out))
    assert done.returncode == 2 and "--out: must be a file name" in done.stderr, done
    assert out.is_dir() and list(out.iterdir()) == []


@pytest.mark.parametrize("args", WRITERS, ids=[a[-2] for a in WRITERS])
def test_a_regular_file_is_replaced_whole(journal: Path, tmp_path: Path, args: list[str]) -> None:
    out = target(tmp_path, args)
    out.write_bytes(b"old")
    done = rut(*args, str(out))
    assert done.returncode == 0, done
    assert out.read_bytes() not in (b"", b"old")
    assert hidden(tmp_path) == [] and not (journal / RECORD_DIR).exists()


def test_markdown_files_in_the_folder_obey_the_same_rule(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (folder / "2024.md").symlink_to(victim)
    (folder / "other.txt").write_text("mine", encoding="utf-8")
    done = rut("export", "--format", "markdown", "--out", str(folder))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert (
        f"--out: must be a new file or a regular file, not a symbolic link (got '{folder / '2024.md'}')"
        in (done.stderr)
    )
    assert victim.read_text(encoding="utf-8") == "keep me" and (folder / "2024.md").is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == ["2024.md", "other.txt"]  # no partial file left
    (folder / "2024.md").unlink()
    (folder / "2024.md").write_text("an old export", encoding="utf-8")
    assert rut("export", "--format", "markdown", "--out", str(folder)).returncode == 0
    assert (folder / "2024.md").read_text(encoding="utf-8").startswith("# 2024\n")


def test_markdown_of_years_before_1000_an_older_journal_holds(journal: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(journal / "journal.sqlite3")
    with conn:
        conn.execute("UPDATE entries SET day = '0999-03-05'")
    conn.close()
    for split, name, title in (("year", "0999.md", "# 0999\n"), ("month", "0999-03.md", "# March 0999\n")):
        out = tmp_path / split
        done = rut("export", "--format", "markdown", "--out", str(out), "--split", split)
        assert done.returncode == 0, done
        text = (out / name).read_text(encoding="utf-8")
        assert text.startswith(title + "\n## 0999-03-05 (Tuesday)\n")


# -- a killed export ---------------------------------------------------------------------------------------------
PAUSED_EXPORT = """
import sys, time
from rutjournal.core.transfer.exporters import json_export

original = json_export._write_rows

def slow(conn, table, out):
    count = original(conn, table, out)
    if table == "entries":
        out.flush()
        print("PAUSED", flush=True)
        time.sleep(120)
    return count

json_export._write_rows = slow
from rutjournal.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_export_leaves_nothing_after_the_next_command(journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "journal.json"
    with subprocess.Popen(  # a process: it is killed half-way
        [sys.executable, "-c", PAUSED_EXPORT, "export", "--format", "json", "--out", str(out)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    ) as writer:
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "PAUSED"
            partial = [p for p in tmp_path.iterdir() if p.name.startswith(".journal.json.part-")]
            assert len(partial) == 1 and b'"words"' in partial[0].read_bytes()  # journal text, unencrypted
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=30)  # reaped: its id no longer names a process
    assert partial[0].exists() and not out.exists()
    done = rut("show", "2024-03-05")  # any command, after the writer is gone
    assert done.returncode == 0, done.stderr
    assert not partial[0].exists() and not out.exists()
    assert not (journal / RECORD_DIR).exists()


def test_only_partial_files_of_processes_that_are_gone_are_removed(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", ""])  # processes: one gone, one alive, by their ids
    gone.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        records = tmp_path / RECORD_DIR
        records.mkdir()
        host = socket.gethostname()
        paths = {}
        for who, pid, where in (("gone", gone.pid, host), ("alive", alive.pid, host), ("far", gone.pid, "x")):
            part = tmp_path / f".{who}.json.part-{pid}-0123abcd"
            part.write_text("half", encoding="utf-8")
            mine = tmp_path / f"{who}-notes.txt"  # listed, but not a name an export gives: never deleted
            mine.write_text("mine", encoding="utf-8")
            (records / f"{who}.json").write_text(
                f'{{"pid": {pid}, "host": "{where}"}}\n"{part}"\n"{mine}"\n', encoding="utf-8"
            )
            paths[who] = (part, mine)
        assert remove_abandoned_exports(tmp_path) == [paths["gone"][0]]
        assert not paths["gone"][0].exists() and paths["gone"][1].exists()
        assert all(p.exists() for p in (*paths["alive"], *paths["far"]))
        assert sorted(p.name for p in records.iterdir()) == ["alive.json", "far.json"]
    finally:
        alive.kill()
        alive.wait()
    assert remove_abandoned_exports(tmp_path) == [paths["alive"][0]]


def test_nothing_to_clear_is_cheap_and_quiet(tmp_path: Path) -> None:
    assert remove_abandoned_exports(tmp_path / "no such folder") == []
    assert remove_abandoned_exports(tmp_path) == []
