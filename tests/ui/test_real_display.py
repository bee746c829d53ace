"""End to end on a real X display (Xvfb, Qt's xcb platform): a window that is typed into while other processes
run commands on the same journal in a loop. Afterwards the file is whole, every command that succeeded kept
its write, every typed word is stored, the window never took the journal for damaged, and no descriptor of the
window's process ever pointed at a deleted journal file (issue 11)."""

from __future__ import annotations

import datetime as dt
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
DRIVER = Path(__file__).with_name("busy_window_driver.py")
ROOT = Path(__file__).resolve().parents[2]
WORDS = [f"word{n:03d}" for n in range(60)]


@pytest.fixture
def display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian: xvfb; .ci/run installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 20)
        assert ready, "Xvfb did not start"
        number = os.read(read_end, 32).decode().strip()
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


def deleted_journal_fds(pid: int) -> list[str]:
    """What the process's descriptors point at, among the journal's files, when the file is gone."""
    found = []
    folder = Path(f"/proc/{pid}/fd")
    try:
        fds = list(folder.iterdir())
    except OSError:
        return []
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if "journal.sqlite3" in target and target.endswith("(deleted)"):
            found.append(target)
    return found


class Shell(threading.Thread):
    """One user at a terminal, running commands in a loop until told to stop; keeps what succeeded."""

    def __init__(self, n: int, data_dir: Path, stop: threading.Event, env: dict[str, str]) -> None:
        super().__init__(daemon=True)
        self.n, self.data_dir, self.stop, self.env = n, data_dir, stop, env
        self.added_today: list[str] = []
        self.added_other: list[tuple[str, str]] = []
        self.tasks: list[str] = []
        self.failures: list[str] = []

    def rut(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "rutjournal", "--data-dir", str(self.data_dir), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
        )

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            i += 1
            text = f"shell{self.n}-line{i}"
            other = (dt.date(2026, 1, 1) + dt.timedelta(days=self.n * 50 + i)).isoformat()
            for args, kept in (
                (("add", text), lambda t=text: self.added_today.append(t)),
                (
                    ("task", "add", f"shell{self.n}-task{i}"),
                    lambda i=i: self.tasks.append(f"shell{self.n}-task{i}"),
                ),
                (("show", "today"), lambda: None),
                (("add", "--date", other, text), lambda t=text, d=other: self.added_other.append((d, t))),
                (("search", "word*"), lambda: None),
            ):
                result = self.rut(*args)
                if result.returncode == 0:
                    kept()
                else:
                    self.failures.append(f"{args}: {result.stderr.strip()}")


def test_typing_in_the_window_while_commands_run_beside_it_loses_nothing(
    data_dir: Path, display: str
) -> None:
    env = os.environ.copy()
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display, PYTHONPATH=str(ROOT))
    env.pop("WAYLAND_DISPLAY", None)
    window = subprocess.Popen(
        [sys.executable, str(DRIVER), str(data_dir), *WORDS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert window.stdout is not None and window.stderr is not None
    watchdog = threading.Timer(120, window.kill)
    watchdog.start()
    stop = threading.Event()
    shells = [Shell(n, data_dir, stop, env) for n in range(3)]
    deleted: list[str] = []
    try:
        assert window.stdout.readline().strip() == "TYPING", window.stderr.read()
        for shell in shells:
            shell.start()
        while True:
            deleted += deleted_journal_fds(window.pid)
            ready, _, _ = select.select([window.stdout], [], [], 0.05)
            if ready:
                line = window.stdout.readline().strip()
                assert line == "TYPED", line
                break
        stop.set()
        for shell in shells:
            shell.join(60)
        time.sleep(1.5)  # the autosave, and the window noticing the last commands
        deleted += deleted_journal_fds(window.pid)
        window.send_signal(signal.SIGTERM)
        out, err = window.communicate(timeout=30)
    finally:
        watchdog.cancel()
        stop.set()
        if window.poll() is None:
            window.kill()
            window.communicate()
    assert window.returncode == 0, err
    assert "DAMAGE" not in out and "SAVE_FAILED" not in out, out
    assert out.strip().endswith("QUIT")
    assert deleted == []
    assert all(not shell.failures for shell in shells), [shell.failures for shell in shells]
    assert sum(len(shell.added_today) for shell in shells) >= 3  # the commands really ran beside the typing

    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        today = conn.execute(
            "SELECT body FROM entries WHERE day = ?", (dt.date.today().isoformat(),)
        ).fetchone()[0]
        bodies = dict(conn.execute("SELECT day, body FROM entries").fetchall())
        titles = {row[0] for row in conn.execute("SELECT title FROM tasks")}
    finally:
        conn.close()
    assert [w for w in WORDS if w not in today] == []  # every typed word
    for shell in shells:
        assert [t for t in shell.added_today if t not in today] == []  # every line the shell appended
        assert [(d, t) for d, t in shell.added_other if t not in bodies.get(d, "")] == []
        assert [t for t in shell.tasks if t not in titles] == []
