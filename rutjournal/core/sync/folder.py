"""The shared folder's layout: ``<folder>/rutjournal-sync/<device-uid>/``, one folder per device.

A device writes only into its own folder, so no two devices ever write one file and a sync tool never has to
choose between two versions of it. Every file is written whole under a hidden temporary name in the same
folder, fsynced and renamed (``atomic.write_atomic``): the sync tool never carries half a file. Names never
collide: ``u-<sequence, 8 digits>-<8 random hex>.rjs`` for an update, ``s-…`` for a snapshot (the random part
keeps a device that lost its state and counts again from an old number from reusing a name), and
``device.rjs`` for the device's name, sealed like the rest.

Reading lists only names that match those patterns, in device folders named by a uid: the copies and scratch
files sync tools leave beside them (``u-00000003-ab12cd34 (conflicted copy).rjs``, ``.syncthing.*.tmp``,
``~syncthing~*.tmp``, ``*.sync-conflict-*``, a browser's ``.part``, ``.crdownload``) are never read. A file that
does not open raises ``Unreadable``: the round skips it with a message and tries it again next time.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import NamedTuple

from rutjournal.core.sync.atomic import write_atomic
from rutjournal.core.sync.sealed import Key, Unreadable, sync_root

UPDATE, SNAPSHOT = "u", "s"
DEVICE_FILE = "device.rjs"
_DATA_NAME = re.compile(r"([us])-([0-9]{8})-[0-9a-f]{8}\.rjs")
_DEVICE_DIR = re.compile(r"[0-9a-f]{32}")


class Found(NamedTuple):
    """One data file in the folder: whose it is, its name, its kind (UPDATE or SNAPSHOT) and sequence."""

    device: str
    name: str
    kind: str
    sequence: int

    @property
    def key(self) -> str:
        """How the device's state remembers it was applied."""
        return f"{self.device}/{self.name}"


def new_device_uid() -> str:
    return secrets.token_hex(16)


def data_name(kind: str, sequence: int) -> str:
    assert kind in (UPDATE, SNAPSHOT) and 0 <= sequence < 10**8
    return f"{kind}-{sequence:08d}-{secrets.token_hex(4)}.rjs"


def parse_name(name: str) -> tuple[str, int] | None:
    """(kind, sequence) of a data file's name; None for any other name (a sync tool's copy or scratch file)."""
    matched = _DATA_NAME.fullmatch(name)
    return None if matched is None else (matched.group(1), int(matched.group(2)))


class SyncFolder:
    """The devices' folders under ``<folder>/rutjournal-sync``, sealed with the folder's key."""

    def __init__(self, folder: Path, key: Key | None) -> None:
        """``key`` None: a folder only listed (``status``), never written or opened."""
        self.folder = folder
        self.root = sync_root(folder)
        self._key = key

    def write(self, device: str, kind: str, sequence: int, data: bytes) -> str:
        """Seal ``data`` into a new file of this device's; returns its name."""
        name = data_name(kind, sequence)
        self._put(device, name, data)
        return name

    def write_device_name(self, device: str, name: str) -> None:
        self._put(device, DEVICE_FILE, name.encode("utf-8"))

    def _put(self, device: str, name: str, data: bytes) -> None:
        home = self.root / device
        home.mkdir(parents=True, exist_ok=True)
        assert self._key is not None
        write_atomic(home / name, self._key.seal(data, device, name))

    def devices(self) -> list[str]:
        """The device uids that have a folder here, sorted."""
        try:
            found = [p.name for p in self.root.iterdir() if _DEVICE_DIR.fullmatch(p.name) and p.is_dir()]
        except FileNotFoundError:
            return []
        return sorted(found)

    def files(self, device: str) -> list[Found]:
        """The device's data files: snapshots first, then updates, each in sequence order."""
        found = []
        try:
            names = [p.name for p in (self.root / device).iterdir()]
        except (FileNotFoundError, NotADirectoryError):
            return []
        for name in names:
            parsed = parse_name(name)
            if parsed is not None:
                found.append(Found(device, name, *parsed))
        return sorted(found, key=lambda f: (f.kind != SNAPSHOT, f.sequence, f.name))

    def read(self, found: Found) -> bytes:
        """The file's opened contents; Unreadable if it is gone, cut short, changed or not ours."""
        return self._open(found.device, found.name)

    def device_name(self, device: str) -> str | None:
        """The name a device gave itself; None until its device.rjs has arrived and opens."""
        try:
            return self._open(device, DEVICE_FILE).decode("utf-8")
        except (Unreadable, UnicodeDecodeError):
            return None

    def _open(self, device: str, name: str) -> bytes:
        try:
            blob = (self.root / device / name).read_bytes()
        except OSError as exc:
            raise Unreadable(f"cannot be read: {exc.strerror}") from None
        assert self._key is not None
        return self._key.open(blob, device, name)

    def last_written(self, device: str) -> float | None:
        """When the device last wrote a file here (its newest file's modification time)."""
        times = []
        for found in self.files(device):
            try:
                times.append((self.root / device / found.name).stat().st_mtime)
            except OSError:  # gone since it was listed (compacted away, or the sync tool moved it)
                continue
        return max(times, default=None)
