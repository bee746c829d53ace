"""The sync folder's secrecy: a key from the sync passphrase, and files only that key opens.

``<folder>/rutjournal-sync/sync.json`` is plain and holds nothing secret: the format version, the key
derivation's name and parameters, and a random salt made by the first device (so one passphrase gives each sync
folder a key of its own). The key is scrypt(passphrase, salt, n=2**15, r=8, p=1) → 32 bytes, for AES-256-GCM.

A sealed file is ``b"RJS1"`` + a 12-byte random nonce + the ciphertext with its 16-byte tag. The associated data
is the file's device uid and name, so a file copied or moved to another name or device folder does not open
(nobody can pass one device's old update off as another's, or replay it under a new sequence number).
``check.rjs`` beside sync.json holds a known text sealed with the key: a wrong passphrase is told by it, in one
sentence, before any file of the journal or of the folder is read or written.

The journal's own passphrase (SQLCipher) is another matter and stays independent of this one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import _
from rutjournal.core.sync.atomic import write_atomic

MAGIC = b"RJS1"
NONCE_BYTES = 12
TAG_BYTES = 16
FORMAT = 1
SYNC_DIR = "rutjournal-sync"  # the one folder rutjournal uses inside the folder the user chose
PARAMETERS_NAME = "sync.json"
CHECK_NAME = "check.rjs"
CHECK_TEXT = b"rutjournal sync folder check, format 1"
KDF = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32}


class SyncError(RutjournalError):
    """Sync cannot go on; the message says why, in one sentence. Nothing was changed."""


class WrongSyncPassphrase(SyncError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This is not the passphrase the sync folder was set up with: nothing was read or written; "
                "try again with the sync passphrase of your other devices."
            )
        )


class Unreadable(Exception):
    """A file that does not open: cut short, changed, sealed with another key or under another name, or not
    one of ours. The caller skips it and tries again next round (a sync tool may still be bringing it)."""


def associated(device: str, name: str) -> bytes:
    return f"{device}/{name}".encode()


class Key:
    """The folder's key: seals and opens files bound to (device uid, file name)."""

    def __init__(self, raw: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.raw = raw  # what a device that remembers its key keeps (core/sync/state.py)
        self._aead = AESGCM(raw)

    def seal(self, data: bytes, device: str, name: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, associated(device, name))

    def open(self, blob: bytes, device: str, name: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        if len(blob) < len(MAGIC) + NONCE_BYTES + TAG_BYTES or not blob.startswith(MAGIC):
            raise Unreadable("not a sealed rutjournal file, or cut short")
        nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], associated(device, name))
        except InvalidTag:
            raise Unreadable("changed, cut short, sealed with another key or under another name") from None


def sync_root(folder: Path) -> Path:
    return folder / SYNC_DIR


def derive(passphrase: str, parameters: dict[str, Any]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(
        salt=bytes.fromhex(parameters["salt"]),
        length=int(parameters["kdf"]["length"]),
        n=int(parameters["kdf"]["n"]),
        r=int(parameters["kdf"]["r"]),
        p=int(parameters["kdf"]["p"]),
    )
    return kdf.derive(passphrase.encode("utf-8"))


def read_parameters(root: Path) -> dict[str, Any] | None:
    """sync.json as written (None: no sync folder here yet); a file this version cannot use is a SyncError."""
    import json

    path = root / PARAMETERS_NAME
    try:
        parameters = json.loads(path.read_bytes())
        if parameters["format"] != FORMAT or parameters["kdf"]["name"] != "scrypt":
            raise SyncError(
                _("The sync folder {folder} was made by a newer rutjournal: update this one first.").format(
                    folder=root
                )
            )
        bytes.fromhex(parameters["salt"])
        return dict(parameters)
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncError(
            _("The sync folder's {name} cannot be read; it was changed by something else.").format(name=path)
        ) from exc


def unlock(folder: Path, passphrase: str, *, create: bool = False) -> Key:
    """The folder's key for ``passphrase``, checked against check.rjs. ``create``: a folder nobody has set up
    yet gets its sync.json and check file (the first device). Raises WrongSyncPassphrase, or SyncError when the
    folder is not a sync folder and ``create`` is not given; writes nothing unless it is creating."""
    import json

    root = sync_root(folder)
    parameters = read_parameters(root)
    if parameters is None:
        if not create:
            raise SyncError(_("{folder} holds no rutjournal sync folder.").format(folder=folder))
        root.mkdir(parents=True, exist_ok=True)
        parameters = {"format": FORMAT, "kdf": dict(KDF), "salt": os.urandom(16).hex()}
        write_atomic(root / PARAMETERS_NAME, json.dumps(parameters, indent=2).encode() + b"\n")
    return checked(folder, Key(derive(passphrase, parameters)), create=create)


def checked(folder: Path, key: Key, *, create: bool = False) -> Key:
    """``key`` if it opens the folder's check file (a remembered key is checked so too); WrongSyncPassphrase
    if it does not. ``create``: a folder without a check file gets one sealed with ``key``."""
    check = sync_root(folder) / CHECK_NAME
    try:
        blob = check.read_bytes()
    except FileNotFoundError:
        if not create:  # its maker's sync tool has not brought it yet: nothing to tell a passphrase by
            raise SyncError(
                _(
                    "The sync folder {folder} is not complete yet: let your sync tool finish, then try again."
                ).format(folder=folder)
            ) from None
        write_atomic(check, key.seal(CHECK_TEXT, "", CHECK_NAME))
        return key
    try:
        opened = key.open(blob, "", CHECK_NAME)
    except Unreadable:
        raise WrongSyncPassphrase() from None
    if opened != CHECK_TEXT:
        raise WrongSyncPassphrase()
    return key
