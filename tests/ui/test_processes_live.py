"""The real app typing while ``rutjournal add`` appends from another process: both texts survive, in order."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.test_processes import DRIVER, env, stop, today_text, wait_for

pytestmark = pytest.mark.slow
TYPED = "Typed in the window, one key at a time, while the terminal wrote underneath it. " * 2


def test_typing_in_the_window_and_appending_from_the_shell_keeps_both(data_dir: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(data_dir), TYPED.strip()],
        stdout=subprocess.PIPE,
        text=True,
        env=env(),
    )
    try:
        journal = data_dir / "journal.sqlite3"
        wait_for(lambda: journal.exists() and (today_text(data_dir) or "").startswith("Typed"), timeout=30)
        added = subprocess.run(
            [
                sys.executable,
                "-m",
                "rutjournal",
                "--data-dir",
                str(data_dir),
                "add",
                "Appended from the shell.",
            ],
            capture_output=True,
            text=True,
            env=env(),
            timeout=60,
        )
        assert added.returncode == 0, added.stderr
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the driver has typed the last key
        assert line.startswith("TYPED "), line
        time.sleep(1.5)  # its autosave
        assert stop(proc, signal.SIGTERM) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert today_text(data_dir) == TYPED.strip() + "\n\nAppended from the shell."
