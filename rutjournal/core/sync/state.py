"""This device's own sync state, in the data folder (``<data_dir>/sync/``), never in the shared folder.

``doc.bin`` is the replicated document as this device last projected it into the journal (one full update);
``state.json`` says where the sync folder is, this device's uid and name, the number of its last file, which
files of the folder are applied already, the names of the devices seen, when the last round ended and what the
last round that brought anything brought; ``key.bin``, when the user lets this device remember it, is the
folder's key (derived from the sync passphrase, never the passphrase itself), private to the user like the
journal beside it (the process's umask), so rounds in the background need no passphrase. Each is
written whole (``atomic.write_atomic``), the document first: a round killed between the two leaves a state that
names fewer files as applied than the document holds, and applying a file twice changes nothing.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

from pycrdt import Doc

from rutjournal.core.sync.atomic import write_atomic

STATE_DIR = "sync"
STATE_NAME = "state.json"
DOC_NAME = "doc.bin"
KEY_NAME = "key.bin"
VERSION = 1


class State:
    """What this device knows of its sync (a plain, mutable record: the round updates it)."""

    def __init__(self, folder: Path, device: str, name: str) -> None:
        self.folder = folder
        self.device = device
        self.name = name
        self.sequence = 0
        self.applied: set[str] = set()
        self.devices: dict[str, str] = {device: name}  # uid → the name it gave itself
        self.last_round: str | None = None
        self.last_came_in: dict[str, dict[str, int]] = {}  # device name → kind → count
        self.last_came_in_at: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "folder": str(self.folder),
            "device": self.device,
            "name": self.name,
            "sequence": self.sequence,
            "applied": sorted(self.applied),
            "devices": self.devices,
            "last_round": self.last_round,
            "last_came_in": self.last_came_in,
            "last_came_in_at": self.last_came_in_at,
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> State:
        state = cls(Path(data["folder"]), str(data["device"]), str(data["name"]))
        state.sequence = int(data["sequence"])
        state.applied = set(data["applied"])
        state.devices.update(data.get("devices", {}))
        state.last_round = data.get("last_round")
        state.last_came_in = {
            str(device): {str(kind): int(n) for kind, n in kinds.items()}
            for device, kinds in data.get("last_came_in", {}).items()
        }
        state.last_came_in_at = data.get("last_came_in_at")
        return state


def state_dir(data_dir: Path) -> Path:
    return data_dir / STATE_DIR


def load_state(data_dir: Path) -> State | None:
    """This device's state; None when sync was never set up here (or was left)."""
    import json

    try:
        return State.of(json.loads((state_dir(data_dir) / STATE_NAME).read_bytes()))
    except FileNotFoundError:
        return None


def load_doc(data_dir: Path) -> Doc[Any]:
    doc: Doc[Any] = (
        Doc()
    )  # a client id of its own each time: a number never reused after a round that was killed
    with contextlib.suppress(FileNotFoundError):
        doc.apply_update((state_dir(data_dir) / DOC_NAME).read_bytes())
    return doc


def save(data_dir: Path, state: State, doc: Doc[Any]) -> None:
    import json

    folder = state_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / DOC_NAME, doc.get_update())
    write_atomic(folder / STATE_NAME, json.dumps(state.as_json(), indent=2).encode("utf-8") + b"\n")


def load_key(data_dir: Path) -> bytes | None:
    """The folder's key this device remembers; None when it remembers none."""
    try:
        return (state_dir(data_dir) / KEY_NAME).read_bytes()
    except FileNotFoundError:
        return None


def save_key(data_dir: Path, raw: bytes) -> None:
    folder = state_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / KEY_NAME, raw)


def forget_key(data_dir: Path) -> bool:
    """The remembered key goes; False if there was none."""
    try:
        (state_dir(data_dir) / KEY_NAME).unlink()
    except FileNotFoundError:
        return False
    return True


def forget(data_dir: Path) -> bool:
    """This device's sync state goes (the shared folder is left as it is); False if there was none."""
    folder = state_dir(data_dir)
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True
