"""Devices for the sync tests: each a data folder of its own with a journal, sharing one sync folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from rutjournal.core.paths import AppPaths
from rutjournal.core.sync import service
from rutjournal.core.values import Scores

PASSPHRASE = "correct horse battery staple"


class Device:
    def __init__(self, tmp_path: Path, name: str, shared: Path) -> None:
        self.name = name
        self.shared = shared
        home = tmp_path / name
        self.paths = AppPaths(home / "data", config_dir=home / "config", log_dir=home / "log")

    def _journal(self) -> Any:
        from rutjournal.core.journal.service import Journal
        from rutjournal.core.storage.db import open_database

        return Journal(open_database(self.paths.database))

    def write(self, day: str, body: str, *, tags: tuple[str, ...] = (), **scores: Any) -> None:
        journal = self._journal()
        try:
            journal.save(dt.date.fromisoformat(day), body, Scores(**scores), list(tags))
        finally:
            journal.db.close()

    def append(self, day: str, text: str) -> None:
        journal = self._journal()
        try:
            journal.append(dt.date.fromisoformat(day), text, Scores(), [])
        finally:
            journal.db.close()

    def delete(self, day: str) -> None:
        self.write(day, "")

    def entries(self) -> dict[str, tuple[str, Scores, tuple[str, ...]]]:
        """day → (text, scores, tags): what must be the same on every device after syncing."""
        from rutjournal.core.journal.store_by_uid import read_uid_entries
        from rutjournal.core.storage.db import open_database

        db = open_database(self.paths.database)
        try:
            with db.reader() as conn:
                held = read_uid_entries(conn)
        finally:
            db.close()
        return {e.day.isoformat(): (e.body, e.scores, e.tags) for e in held.values()}

    def setup(self) -> service.Report:
        return service.setup(self.paths, self.shared, self.name, PASSPHRASE)

    def sync(self) -> service.Report:
        return service.round(self.paths, PASSPHRASE)


def devices(tmp_path: Path, *names: str, set_up: bool = True) -> list[Device]:
    shared = tmp_path / "shared"
    shared.mkdir(exist_ok=True)
    made = [Device(tmp_path, name, shared) for name in names]
    for device in made:
        device.write("2020-01-01", f"{device.name} was here")  # a journal to open; removed again below
        device.delete("2020-01-01")
        if set_up:
            device.setup()
    return made


def in_step(*devices: Device) -> dict[str, tuple[str, Scores, tuple[str, ...]]]:
    """Sync until nothing moves (every device twice more), and return what they all hold."""
    for _ in range(2):
        for device in devices:
            device.sync()
    held = [device.entries() for device in devices]
    assert all(h == held[0] for h in held), held
    return held[0]
