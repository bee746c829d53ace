"""For the sync tests of the other sections: each section's service on a device's journal, and the device's
JSON export by uid (what must be the same on every device after syncing)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rutjournal.core.crossroads.questions import load_questions
from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.core.load.service import Load
from rutjournal.core.storage.db import open_database
from rutjournal.core.transfer.exporters.json_export import export_json
from tests.core.sync_devices import Device

TODAY = dt.date(2026, 6, 1)
LINKS = {  # a link column → the table it names a row of
    "task_id": "tasks",
    "target_id": "targets",
    "gap_id": "gaps",
    "goal_id": "goals",
    "conversation_id": "conversations",
    "checkin_id": "checkins",
    "entry_id": "entries",
    "tag_id": "tags",
}
ASIDE = ("id", "updated_at", "revision")  # a row's own on each device: its id, when it was last written here


class Services:
    """The sections' services (the public surface) on one device's journal."""

    def __init__(self, device: Device) -> None:
        self.db = open_database(device.paths.database)
        today = lambda: TODAY  # noqa: E731
        self.load, self.grow = Load(self.db), Grow(self.db, today)
        self.guidance, self.crossroads = Guidance(self.db, today), Crossroads(self.db, today)

    def task(self, title: str) -> int:
        return next(t.id for t in self.load.tasks() if t.title == title)

    def goal(self, title: str) -> int:
        return next(
            g.id for t in self.grow.targets() for gap in t.gaps for g in gap.goals if g.title == title
        )

    def conversation(self, with_name: str) -> int:
        return next(c.id for c in self.guidance.conversations() if c.with_name == with_name)


@contextmanager
def services(device: Device) -> Iterator[Services]:
    opened = Services(device)
    try:
        yield opened
    finally:
        opened.db.close()


def answers(score: int) -> dict[str, int]:
    """A check-in's answers: every question ``score``."""
    return {question.key: score for question in load_questions()}


def export(device: Device) -> dict[str, dict[str, Any]]:
    """The device's JSON export, each table's rows by uid (a row with none by its values), ids and the
    moments each device writes for itself aside, links as the linked row's uid (a tag's name)."""
    path = device.paths.data_dir / "export.json"
    db = open_database(device.paths.database)
    try:
        export_json(db, path)
    finally:
        db.close()
    tables: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))["tables"]
    path.unlink()
    uids = {
        table: {row["id"]: row.get("uid", row.get("name")) for row in rows if "id" in row}
        for table, rows in tables.items()
    }
    found: dict[str, dict[str, Any]] = {}
    for table, rows in tables.items():
        keyed = {}
        for row in rows:
            kept = {
                name: uids[LINKS[name]][value] if name in LINKS and value is not None else value
                for name, value in row.items()
                if name not in ASIDE
            }
            keyed[kept.get("uid") or json.dumps(kept, sort_keys=True)] = kept
        found[table] = keyed
    return found


def same_everywhere(*devices: Device) -> dict[str, dict[str, Any]]:
    """Sync until nothing moves (every device twice more); every device's export by uid, the same on all."""
    for _ in range(2):
        for device in devices:
            device.sync()
    held = [export(device) for device in devices]
    for device, other in zip(devices[1:], held[1:], strict=True):
        assert other == held[0], f"{device.name} differs from {devices[0].name}"
    return held[0]
