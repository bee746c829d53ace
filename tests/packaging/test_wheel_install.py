"""`pip install` of the built wheel into a fresh virtual environment, outside the source tree, gives a working app.

A source checkout finds its resources beside the package (see rutjournal.core.resources), so a wheel that forgot
one would still pass every other test. Here the wheel is installed with its dependencies into a new venv and
run from a folder that is not the checkout, and every resource must be found inside that venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from rutjournal import __version__
from tests.packaging.support import APP_ID, FIGURES, ROOT, built_once, directory_size, smoke_start

pytestmark = pytest.mark.slow

# Loads every resource the way the app does and says where each was found (run by the venv's Python).
FIND_RESOURCES = """
import json, sys
import rutjournal
from rutjournal.core.crossroads.rules import load_questions
from rutjournal.core.storage.migrate import SCRIPT_LOCATION
from rutjournal.core.journal.prompts import all_prompts
from rutjournal.core.resources import resource_path

wanted = json.loads(sys.argv[1])
print(json.dumps({
    "package": rutjournal.__file__,
    "migrations": SCRIPT_LOCATION,
    "prompts": len(all_prompts()),
    "questions": len(load_questions()),
    "found": {name: str(resource_path(*name.split("/"))) for name in wanted},
}))
"""


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    work: Path  # an empty folder outside the source tree to run things in

    def bin(self, name: str) -> Path:
        return self.venv / "bin" / name


def clean_env() -> dict[str, str]:
    """The test's environment without anything that would point Python back at the checkout."""
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    with built_once(tmp_path_factory, "wheel") as (base, build):
        if build:
            assert not base.resolve().is_relative_to(ROOT)
            started = time.monotonic()
            subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(base), str(ROOT)],
                check=True,
                capture_output=True,
                timeout=600,
            )
            built = time.monotonic() - started
            (wheel,) = base.glob("rutjournal-*.whl")
            venv = base / "venv"
            subprocess.run(
                [sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300
            )
            started = time.monotonic()
            result = subprocess.run(
                [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                cwd=base,
                env=clean_env(),
                capture_output=True,
                text=True,
                timeout=1200,
            )
            assert result.returncode == 0, result.stdout + result.stderr
            FIGURES.append(
                f"wheel: built in {built:.0f} s; installed with its dependencies into a fresh venv in "
                f"{time.monotonic() - started:.0f} s ({directory_size(venv) / 2**20:.0f} MiB)"
            )
    (wheel,) = base.glob("rutjournal-*.whl")
    work = tmp_path_factory.mktemp("elsewhere")  # this test process's own
    return Installed(wheel, base / "venv", work)


def test_wheel_holds_resources_and_migrations(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    resources = {
        f"rutjournal/resources/{path.relative_to(ROOT / 'resources').as_posix()}"
        for path in (ROOT / "resources").rglob("*")
        if path.is_file()
    }
    migrations = {
        f"rutjournal/core/storage/migrations/{path.relative_to(ROOT / 'rutjournal/core/storage/migrations').as_posix()}"
        for pattern in ("*.py", "*.sql", "*.mako", "versions/*.py")
        for path in (ROOT / "rutjournal" / "core" / "storage" / "migrations").glob(pattern)
    }
    assert {
        "rutjournal/core/storage/migrations/head_schema.sql",
        "rutjournal/core/storage/migrations/script.py.mako",
    } <= migrations
    assert f"rutjournal/resources/icons/{APP_ID}.svg" in resources
    assert resources - names == set()
    assert migrations - names == set()
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_installed_version(installed: Installed) -> None:
    result = subprocess.run(
        [str(installed.bin("rutjournal")), "--version"],
        cwd=installed.work,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"rutjournal {__version__}")


def test_every_resource_found_in_the_venv(installed: Installed) -> None:
    wanted = sorted(
        path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file()
    )
    result = subprocess.run(
        [str(installed.bin("python")), "-I", "-c", FIND_RESOURCES, json.dumps(wanted)],
        cwd=installed.work,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["prompts"] > 0 and report["questions"] > 0
    site = installed.venv.resolve()
    places = [report["package"], report["migrations"], *report["found"].values()]
    outside = [p for p in places if not Path(p).resolve().is_relative_to(site)]
    assert outside == [], f"found outside the venv (in the checkout?): {outside}"
    assert set(report["found"]) == set(wanted)


def test_installed_window_starts_headless(installed: Installed, tmp_path: Path) -> None:
    smoke_start([str(installed.bin("rutjournal"))], tmp_path)


def test_menu_entry_and_icons_installed(installed: Installed) -> None:
    """pip puts the wheel's shared data under the prefix: ~/.local/share for `pip install --user`."""
    share = installed.venv / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
