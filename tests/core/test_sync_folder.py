"""The sync folder's files: written whole under names that never collide, read only when they are ours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rutjournal.core.sync.folder import SNAPSHOT, UPDATE, SyncFolder, new_device_uid, parse_name
from rutjournal.core.sync.sealed import Unreadable, unlock


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shared")
    unlock(folder, "correct horse", create=True)
    return folder


def _folder(shared: Path) -> SyncFolder:
    return SyncFolder(shared, unlock(shared, "correct horse"))


def test_a_device_writes_into_its_own_folder_under_new_names(shared: Path) -> None:
    folder, device = _folder(shared), new_device_uid()
    names = {folder.write(device, UPDATE, 1, b"one") for _ in range(50)}
    assert len(names) == 50  # the same sequence number twice still makes two files
    assert all(parse_name(name) == (UPDATE, 1) for name in names)
    home = shared / "rutjournal-sync" / device
    assert sorted(p.name for p in home.iterdir()) == sorted(names)  # no temporary file is left behind
    assert [folder.read(found) for found in folder.files(device)] == [b"one"] * 50


def test_files_come_snapshots_first_then_in_sequence(shared: Path) -> None:
    folder, device = _folder(shared), new_device_uid()
    for kind, sequence in ((UPDATE, 3), (UPDATE, 1), (SNAPSHOT, 2), (UPDATE, 12)):
        folder.write(device, kind, sequence, f"{kind}{sequence}".encode())
    assert [folder.read(f) for f in folder.files(device)] == [b"s2", b"u1", b"u3", b"u12"]
    assert device in folder.devices()


def test_the_device_name_is_sealed(shared: Path) -> None:
    folder, device = _folder(shared), new_device_uid()
    assert folder.device_name(device) is None
    folder.write_device_name(device, "Küchen-Laptop")
    assert folder.device_name(device) == "Küchen-Laptop"
    assert b"Laptop" not in (shared / "rutjournal-sync" / device / "device.rjs").read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "u-00000003-ab12cd34 (conflicted copy).rjs",  # Dropbox
        "u-00000003-ab12cd34 (Case Conflict).rjs",
        ".syncthing.u-00000003-ab12cd34.rjs.tmp",  # Syncthing while it downloads
        "~syncthing~u-00000003-ab12cd34.rjs.tmp",  # Syncthing on Windows
        "u-00000003-ab12cd34.sync-conflict-20260301-101010-ABCDEFG.rjs",  # Syncthing's conflict copy
        "u-00000003-ab12cd34.rjs.part",  # a partial download
        "u-00000003-ab12cd34.rjs.crdownload",
        ".partial-123-0a0b0c0d-u-00000003-ab12cd34.rjs",  # our own temporary name
        "u-3-ab12cd34.rjs",
        "u-00000003-AB12CD34.rjs",
        "x-00000003-ab12cd34.rjs",
        "u-00000003-ab12cd34.rjs~",
        "desktop.ini",
    ],
)
def test_what_sync_tools_leave_is_never_read(shared: Path, name: str) -> None:
    folder, device = _folder(shared), new_device_uid()
    real = folder.write(device, UPDATE, 3, b"real")
    home = shared / "rutjournal-sync" / device
    (home / name).write_bytes((home / real).read_bytes())
    assert [f.name for f in folder.files(device)] == [real]


def test_folders_not_named_by_a_device_uid_are_not_devices(shared: Path) -> None:
    root = shared / "rutjournal-sync"
    for name in ("lost+found", ".stfolder", "0123456789abcdef0123456789abcdef (conflicted copy)"):
        (root / name).mkdir(exist_ok=True)
    (root / ("e" * 32)).write_bytes(b"a file, not a folder")
    assert all(len(d) == 32 and (root / d).is_dir() for d in _folder(shared).devices())


def test_a_file_that_does_not_open_says_so(shared: Path) -> None:
    folder, device = _folder(shared), new_device_uid()
    good = folder.write(device, UPDATE, 1, b"good words")
    path = shared / "rutjournal-sync" / device / good
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])  # a sync tool still bringing it
    (found,) = folder.files(device)
    with pytest.raises(Unreadable):
        folder.read(found)
    os.replace(path, path.with_name("u-00000002-00000000.rjs"))  # moved to another name
    (found,) = folder.files(device)
    with pytest.raises(Unreadable):
        folder.read(found)
    elsewhere = shared.parent / "elsewhere"
    foreign = SyncFolder(elsewhere, unlock(elsewhere, "other words", create=True))
    foreign_name = foreign.write(device, UPDATE, 5, b"another folder's key")
    (shared / "rutjournal-sync" / device / foreign_name).write_bytes(
        (elsewhere / "rutjournal-sync" / device / foreign_name).read_bytes()
    )
    found_foreign = next(f for f in folder.files(device) if f.name == foreign_name)
    with pytest.raises(Unreadable):
        folder.read(found_foreign)
