"""The sync folder's seal: what the passphrase's key seals opens again under its name and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from rutjournal.core.sync import sealed
from rutjournal.core.sync.sealed import Unreadable, WrongSyncPassphrase, unlock

DEVICE = "0123456789abcdef0123456789abcdef"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_sealed_file_opens_again_with_the_same_passphrase(tmp_path: Path) -> None:
    key = unlock(tmp_path, "correct horse", create=True)
    blob = key.seal(b"Wrote the quarterly plan", DEVICE, "u-00000001-0a1b2c3d.rjs")
    assert blob.startswith(b"RJS1") and b"quarterly" not in blob
    again = unlock(tmp_path, "correct horse")
    assert again.open(blob, DEVICE, "u-00000001-0a1b2c3d.rjs") == b"Wrote the quarterly plan"
    parameters = sealed.read_parameters(sealed.sync_root(tmp_path))
    assert parameters is not None
    assert parameters["kdf"] == {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32}
    assert len(bytes.fromhex(parameters["salt"])) == 16 and parameters["format"] == 1


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(tmp_path: Path) -> None:
    unlock(tmp_path, "correct horse", create=True)
    before = _snapshot(tmp_path)
    with pytest.raises(WrongSyncPassphrase) as caught:
        unlock(tmp_path, "battery staple")
    message = str(caught.value)
    assert "passphrase" in message and "\n" not in message and message.count(". ") == 0
    with pytest.raises(WrongSyncPassphrase):
        unlock(tmp_path, "battery staple", create=True)  # a folder set up already is never set up again
    assert _snapshot(tmp_path) == before


def test_each_folder_has_a_salt_of_its_own(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    a, b = unlock(one, "same words", create=True), unlock(two, "same words", create=True)
    with pytest.raises(Unreadable):
        b.open(a.seal(b"text", DEVICE, "device.rjs"), DEVICE, "device.rjs")


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda b: b[:20] + bytes([b[20] ^ 1]) + b[21:], id="a flipped byte"),
        pytest.param(lambda b: b[:-1], id="truncated by one byte"),
        pytest.param(lambda b: b[:10], id="truncated inside the nonce"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b"RJS2" + b[4:], id="another format"),
    ],
)
def test_a_spoiled_file_does_not_open(tmp_path: Path, spoil) -> None:  # type: ignore[no-untyped-def]
    key = unlock(tmp_path, "correct horse", create=True)
    blob = key.seal(b"Wrote the quarterly plan", DEVICE, "u-00000001-0a1b2c3d.rjs")
    with pytest.raises(Unreadable):
        key.open(spoil(blob), DEVICE, "u-00000001-0a1b2c3d.rjs")


def test_a_file_under_another_name_or_device_does_not_open(tmp_path: Path) -> None:
    key = unlock(tmp_path, "correct horse", create=True)
    blob = key.seal(b"text", DEVICE, "u-00000001-0a1b2c3d.rjs")
    with pytest.raises(Unreadable):
        key.open(blob, DEVICE, "u-00000002-0a1b2c3d.rjs")
    with pytest.raises(Unreadable):
        key.open(blob, "f" * 32, "u-00000001-0a1b2c3d.rjs")


def test_a_folder_never_set_up_is_said_so(tmp_path: Path) -> None:
    with pytest.raises(sealed.SyncError, match="no rutjournal sync folder"):
        unlock(tmp_path, "correct horse")
    assert not (tmp_path / "rutjournal-sync").exists()
