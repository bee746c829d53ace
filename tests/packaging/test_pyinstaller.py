"""The PyInstaller one-folder build: it builds, and the built binary runs the window and the command line.

Building takes a minute or more, so the bundle is built once for the module. The command line runs each part
that is imported late or by name (importers and YAML, matplotlib and its SVG writer, SQLAlchemy's dialect,
Alembic's revision files on disk), because a module PyInstaller missed only fails when it is first used.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rutjournal import __version__
from tests.packaging.support import FIGURES, PACKAGING, ROOT, built_once, directory_size, smoke_start

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build packaging/rutjournal.spec into a temporary folder; returns the built executable."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed (it is in the test extra: pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with built_once(tmp_path_factory, "pyinstaller") as (work, build):
        folder = work / "dist" / "rutjournal"
        if not build:
            return folder / "rutjournal"  # built by another test process of this run
        env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "config")}  # its cache, not the user's
        started = time.monotonic()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--distpath",
                str(work / "dist"),
                "--workpath",
                str(work / "build"),
                str(PACKAGING / "rutjournal.spec"),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        took = time.monotonic() - started
        assert result.returncode == 0, result.stderr[-5000:]
        FIGURES.append(
            f"PyInstaller one-folder bundle: {directory_size(folder) / 2**20:.0f} MiB, built in {took:.0f} s"
        )
    return folder / "rutjournal"


def run(binary: Path, data_dir: Path, *args: str, stdin: str = "", passphrase: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "RUTJOURNAL_PASSPHRASE"}
    if passphrase is not None:
        env["RUTJOURNAL_PASSPHRASE"] = passphrase
    result = subprocess.run(
        [str(binary), "--data-dir", str(data_dir), *args],
        cwd=data_dir.parent,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"rutjournal {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
    return result.stdout


def test_version(bundle: Path) -> None:
    result = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (0, f"rutjournal {__version__}")


def test_window_starts_headless(bundle: Path, tmp_path: Path) -> None:
    smoke_start([str(bundle)], tmp_path)


def test_command_line(bundle: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    today = dt.date.today()
    said = run(bundle, data_dir, "add", "--mood", "4", "--tag", "bundle", "Written by the bundle").strip()
    assert said == f"added to {today.isoformat()} (entry 1, new)"
    shown = json.loads(run(bundle, data_dir, "show", today.isoformat(), "--json"))
    assert (shown["text"], shown["mood"], shown["tags"]) == ("Written by the bundle", 4, ["bundle"])

    imports = ROOT / "tests" / "fixtures" / "imports"
    run(bundle, data_dir, "import", str(imports / "jrnl" / "export.json"))
    run(bundle, data_dir, "import", str(imports / "rednotebook" / "data"))  # YAML, read by PyYAML

    for back in range(1, 12):  # enough scored days for a real chart rather than the "not enough days" note
        day = today - dt.timedelta(days=back)
        run(bundle, data_dir, "add", "--date", day.isoformat(), "--mood", str(1 + back % 5), "a day")
    run(bundle, data_dir, "plot", "mood", "--out", str(tmp_path / "mood.png"))
    run(bundle, data_dir, "plot", "mood", "--out", str(tmp_path / "mood.svg"))
    assert (tmp_path / "mood.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "mood.svg").read_bytes()[:2000]

    run(bundle, data_dir, "export", "--format", "json", "--out", str(tmp_path / "export.json"))
    exported = (tmp_path / "export.json").read_text(encoding="utf-8")
    assert "Written by the bundle" in exported
    entries = json.loads(exported)["tables"]["entries"]
    assert len(entries) > 1 + 5 + 11  # ours, the jrnl file's 5 days, the scored days, and RedNotebook's


def test_backup_and_passphrase(bundle: Path, tmp_path: Path) -> None:
    """SQLCipher comes in its own compiled module, loaded only once a passphrase is set."""
    data_dir = tmp_path / "data"
    run(bundle, data_dir, "add", "--date", "2026-03-01", "--mood", "4", "asked for the promotion")
    run(bundle, data_dir, "backup")
    run(bundle, data_dir, "passphrase", "set", stdin="correct horse\ncorrect horse\n")
    assert not (data_dir / "journal.sqlite3").read_bytes().startswith(b"SQLite format 3")
    shown = json.loads(run(bundle, data_dir, "show", "2026-03-01", "--json", passphrase="correct horse"))
    assert shown["text"] == "asked for the promotion"


def test_languages_come_along(bundle: Path, tmp_path: Path) -> None:
    """The bundle speaks German and French (our catalogs), and keeps Qt's own words for exactly those."""
    internal = bundle.parent / "_internal"
    qt_words = sorted(path.name for path in (internal / "PySide6" / "Qt" / "translations").iterdir())
    assert qt_words == ["qtbase_de.qm", "qtbase_fr.qm"]
    for code in ("de", "fr"):
        assert (
            internal / "rutjournal" / "resources" / "locale" / code / "LC_MESSAGES" / "rutjournal.mo"
        ).is_file()
    (tmp_path / "data").mkdir()
    said = run(bundle, tmp_path / "data", "--lang", "de", "add", "--mood", "4", "Ein Tag").strip()
    assert said == f"{dt.date.today().isoformat()}: ergänzt (Eintrag 1, neu)"
