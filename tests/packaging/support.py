"""What the packaging tests share: the app id and paths, finding a tool, the headless start, the figures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.rutjournal.Rutjournal"
PACKAGING = ROOT / "packaging"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# What the slow packaging tests measured (bundle size, build time); conftest prints them after the run.
FIGURES: list[str] = []


def need_tool(name: str) -> str:
    """The path of a command-line tool. Missing, the test is skipped on a developer's machine but fails in CI
    (where the CI environment variable is set), so a packaging check never silently stops running there."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found:
        return found
    message = f"{name} is not installed (Debian: see the apt packages in .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must have it")
    pytest.skip(message)


def smoke_start(command: list[str], work: Path, timeout: float = 180) -> Path:
    """Start the window headless on a fresh data folder and wait for it to quit by itself.

    RUTJOURNAL_STARTUP_REPORT makes the app write its start-up report once today's entry takes input and then
    quit with status 0 (the contract benchmarks/startup.py relies on), so a clean exit with the report written
    means the main window opened on a new journal. Returns the data folder.
    """
    data_dir = work / "smoke-data"
    report = work / "startup.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUTJOURNAL_STARTUP_REPORT": str(report)}
    result = subprocess.run(
        [*command, "--data-dir", str(data_dir)],
        cwd=work,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"the window start failed ({result.returncode}):\n{result.stderr[-3000:]}"
    assert report.is_file(), f"the app quit without writing its start-up report:\n{result.stderr[-3000:]}"
    assert set(json.loads(report.read_text())) >= {"process_start", "window_visible", "editable"}
    assert (data_dir / "journal.sqlite3").is_file()
    return data_dir


def directory_size(path: Path) -> int:
    """Bytes in every file below `path` (what `du --apparent-size` would say)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
