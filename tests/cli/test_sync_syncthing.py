"""End to end: two real Syncthing daemons (Debian's ``syncthing``) on loopback, each with a home of its own and one
folder shared between them, carry a journal between two data folders: an entry written on one appears on the
other, both ways. Slow (Syncthing needs some seconds to connect and to notice files); skipped where Syncthing is
not installed — CI installs it (.ci/run).

Each daemon listens on a free loopback port and knows only the other's address: no discovery, relays, NAT,
usage or crash reporting, so nothing leaves the machine.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.rut import rut

pytestmark = pytest.mark.skipif(shutil.which("syncthing") is None, reason="Syncthing is not installed")

PASSPHRASE = {"RUTJOURNAL_SYNC_PASSPHRASE": "correct horse battery staple"}
FOLDER_ID = "rutjournal-e2e"
WAIT_S = 90.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Daemon:
    def __init__(self, home: Path, folder: Path) -> None:
        self.home, self.folder = home, folder
        made = subprocess.run(
            ["syncthing", "generate", f"--home={home}", "--no-default-folder"],
            capture_output=True,
            text=True,
            check=True,
        )
        found = re.search(r"Device ID: ([A-Z0-9-]+)", made.stdout + made.stderr)
        assert found, made
        self.device_id = found.group(1)
        self.port, self.gui = _free_port(), _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def configure(self, other: Daemon) -> None:
        (self.folder / ".stfolder").mkdir(parents=True, exist_ok=True)
        (self.home / "config.xml").write_text(
            f"""<configuration version="36">
    <folder id="{FOLDER_ID}" label="rutjournal" path="{self.folder}" type="sendreceive"
            rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <filesystemType>basic</filesystemType>
        <device id="{self.device_id}"></device>
        <device id="{other.device_id}"></device>
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="{self.device_id}" name="self" compression="metadata"><address>dynamic</address></device>
    <device id="{other.device_id}" name="other" compression="metadata">
        <address>tcp://127.0.0.1:{other.port}</address>
    </device>
    <gui enabled="true" tls="false"><address>127.0.0.1:{self.gui}</address>
        <apikey>{secrets.token_hex(16)}</apikey></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{self.port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <startBrowser>false</startBrowser>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
""",
            encoding="utf-8",
        )

    def start(self) -> None:
        with (self.home / "syncthing.log").open("wb") as log:  # the daemon keeps its own descriptor
            self.process = subprocess.Popen(
                ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade"],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={"STNOUPGRADE": "1", "HOME": str(self.home), "PATH": "/usr/bin:/bin"},
            )

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def two_daemons(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    a = Daemon(tmp_path / "st-a", tmp_path / "shared-a")
    b = Daemon(tmp_path / "st-b", tmp_path / "shared-b")
    a.configure(b)
    b.configure(a)
    a.start()
    b.start()
    try:
        yield a.folder, b.folder
    finally:
        a.stop()
        b.stop()


def _wait(what: str, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"Syncthing did not carry {what} within {WAIT_S:.0f} s")
        time.sleep(0.25)


def _files(folder: Path) -> set[str]:
    root = folder / "rutjournal-sync"
    return {str(p.relative_to(root)) for p in root.rglob("*.rjs")} if root.is_dir() else set()


def _shown(data: Path, day: str) -> str:
    done = rut("--data-dir", str(data), "show", day, "--json")
    return str(json.loads(done.stdout)["text"]) if done.returncode == 0 else ""


def test_an_entry_written_on_one_machine_appears_on_the_other(tmp_path: Path, two_daemons) -> None:  # type: ignore[no-untyped-def]
    shared_a, shared_b = two_daemons
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    assert (
        rut("--data-dir", str(laptop), "add", "--date", "2026-03-01", "Written on the laptop").returncode == 0
    )
    done = rut(
        "--data-dir", str(laptop), "sync", "setup", str(shared_a), "--device", "laptop", env=PASSPHRASE
    )
    assert done.returncode == 0, done

    _wait("the laptop's files", lambda: _files(shared_a) <= _files(shared_b) and len(_files(shared_b)) >= 3)
    done = rut(
        "--data-dir", str(desktop), "sync", "setup", str(shared_b), "--device", "desktop", env=PASSPHRASE
    )
    assert done.returncode == 0, done
    assert "1 entry came in from laptop." in done.stdout
    assert _shown(desktop, "2026-03-01") == "Written on the laptop"

    rut("--data-dir", str(desktop), "add", "--date", "2026-03-02", "Written on the desktop")
    assert rut("--data-dir", str(desktop), "sync", env=PASSPHRASE).stdout == "1 entry went out.\n"
    _wait("the desktop's files", lambda: _files(shared_b) <= _files(shared_a))
    back = rut("--data-dir", str(laptop), "sync", env=PASSPHRASE)
    assert back.returncode == 0 and back.stdout == "1 entry came in from desktop.\n", back
    assert _shown(laptop, "2026-03-02") == "Written on the desktop"
