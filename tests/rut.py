"""Running rutjournal's command line as a user does: a subprocess with this test's isolated environment."""

from __future__ import annotations

import os
import subprocess
import sys


def rut(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m rutjournal ARGS``; the environment is the test's own (its HOME, XDG folders, data dir)."""
    return subprocess.run(
        [sys.executable, "-m", "rutjournal", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ.copy() if env is None else env,
        timeout=60,
    )
