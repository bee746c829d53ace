"""What the packaging tests share: the app id and paths, finding a tool, the headless start, the figures."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.rutjournal.Rutjournal"
PACKAGING = ROOT / "packaging"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@contextmanager
def built_once(factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """A folder for a build that every test process shares (the suite runs on every core). The first process
    to ask gets ``(folder, True)`` and builds in the ``with`` block while the others wait; they get
    ``(folder, False)`` once it is done. A build that raised is tried again by the next."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder = root / name
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # held until the build is done: the others wait here
        if (folder / ".built").exists():
            yield folder, False
            return
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        yield folder, True
        (folder / ".built").touch()


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
