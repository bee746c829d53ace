"""When two devices change the same record, or another device sends what the schema refuses: concurrent texts
both kept, a deletion holding against an edit, one check-in a day, bad values skipped without failing."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Map, Text

from rutjournal.core.sync.folder import UPDATE, SyncFolder, new_device_uid
from rutjournal.core.sync.sealed import unlock
from tests.core.sync_devices import PASSPHRASE, devices
from tests.core.sync_records_help import answers, same_everywhere, services


def test_concurrent_edits_of_one_tasks_notes_keep_both(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    with services(laptop) as s:
        s.load.add("Weekly report", notes="Collect the numbers.\nSend it.")
    laptop.sync()
    desktop.sync()
    with services(laptop) as s:
        s.load.update(s.task("Weekly report"), notes="Collect the numbers from Ana.\nSend it.")
    with services(desktop) as s:
        s.load.update(s.task("Weekly report"), notes="Collect the numbers.\nSend it by noon.", value=4)
    held = same_everywhere(laptop, desktop)
    (task,) = held["tasks"].values()
    assert task["notes"] == "Collect the numbers from Ana.\nSend it by noon."
    assert task["value"] == 4


@pytest.mark.parametrize("deleting_first", [True, False])
def test_a_task_deleted_on_one_device_stays_deleted_though_edited_on_the_other(
    tmp_path: Path, deleting_first: bool
) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    with services(laptop) as s:
        s.load.decide(s.load.add("Weekly report", notes="Old notes."), "drop")
        s.load.add("Stand-up")
    laptop.sync()
    desktop.sync()
    with services(laptop) as s:
        s.load.delete(s.task("Weekly report"))
    with services(desktop) as s:
        s.load.update(s.task("Weekly report"), notes="New notes, typed meanwhile.")
    for device in (laptop, desktop) if deleting_first else (desktop, laptop):
        device.sync()
    held = same_everywhere(laptop, desktop)
    assert [t["title"] for t in held["tasks"].values()] == ["Stand-up"]
    assert held["task_events"] == {}  # its history went with it


def test_a_task_deleted_and_put_back_by_undo_comes_back_everywhere(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    with services(laptop) as s:
        s.load.decide(s.load.add("Weekly report", notes="Friday."), "keep")
    same_everywhere(laptop, desktop)
    with services(laptop) as s:
        deleted = s.load.delete(s.task("Weekly report"))
    assert same_everywhere(laptop, desktop)["tasks"] == {}
    with services(laptop) as s:
        s.load.restore(deleted)  # the window's undo: the same task, its uid and history
    held = same_everywhere(laptop, desktop)
    assert [(t["title"], t["notes"]) for t in held["tasks"].values()] == [("Weekly report", "Friday.")]
    assert len(held["task_events"]) == 1


def test_a_goal_deleted_takes_its_milestones_even_one_added_meanwhile(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    with services(laptop) as s:
        gap = s.grow.add_gap("Design reviews", "skill", target_id=s.grow.set_target("Staff engineer"))
        goal = s.grow.add_goal("Lead a review", gap)
        s.grow.add_milestone(goal, "Pick the design")
        s.grow.update_goal(goal, manual_percent=30)
        s.grow.add_evidence("Reviewed the cache design.", goal_id=goal)
    laptop.sync()
    desktop.sync()
    with services(laptop) as s:
        s.grow.delete_goal(s.goal("Lead a review"))
    with services(desktop) as s:
        s.grow.add_milestone(s.goal("Lead a review"), "Book the room")
    with caplog.at_level(logging.WARNING):
        desktop.sync()
        laptop.sync()
        held = same_everywhere(laptop, desktop)
    assert "sync:" not in caplog.text  # gone with its parent: nothing refused, nothing failed
    assert held["goals"] == held["milestones"] == held["goal_progress"] == {}
    (evidence,) = held["evidence"].values()  # kept, unlinked from the goal (SET NULL), still on its gap
    assert evidence["goal_id"] is None and evidence["gap_id"] is not None


def test_the_same_days_check_in_on_two_devices_becomes_one(tmp_path: Path) -> None:
    laptop, desktop, phone = devices(tmp_path, "laptop", "desktop", "phone")
    day = dt.date(2026, 5, 31)
    with services(laptop) as s:
        s.crossroads.save_checkin(day, answers(2), "Laptop: a hard month.")
    with services(desktop) as s:
        s.crossroads.save_checkin(day, answers(4), "Desktop: better than I thought.")
    laptop.sync()
    desktop.sync()
    phone.sync()
    held = same_everywhere(laptop, desktop, phone)
    (checkin,) = held["checkins"].values()
    assert sorted(checkin["note"].split("\n\n")) == [
        "Desktop: better than I thought.",
        "Laptop: a hard month.",
    ]
    assert len({a["score"] for a in held["checkin_answers"].values()}) == 1  # one check-in's answers
    with services(phone) as s:
        shown = s.crossroads.checkins()[0]
        s.crossroads.save_checkin(day, answers(5), shown.note + "\n\nPhone: read both.")
    held = same_everywhere(phone, laptop, desktop)
    (checkin,) = held["checkins"].values()
    for part in ("Laptop: a hard month.", "Desktop: better than I thought.", "Phone: read both."):
        assert checkin["note"].count(part) == 1
    assert {a["score"] for a in held["checkin_answers"].values()} == {5}


def forge(shared: Path, edit: Callable[[Doc[Any]], None]) -> None:
    """Write an update as a device of its own would, made with pycrdt directly from what the folder holds."""
    folder = SyncFolder(shared, unlock(shared, PASSPHRASE))
    doc: Doc[Any] = Doc()
    for device in folder.devices():
        for found in folder.files(device):
            doc.apply_update(folder.read(found))
    before = doc.get_state()
    with doc.transaction():
        edit(doc)
    forger = new_device_uid()
    folder.write_device_name(forger, "forger")
    folder.write(forger, UPDATE, 1, doc.get_update(before))


def test_a_bad_value_from_another_device_is_skipped_and_the_round_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    with services(laptop) as s:
        s.load.add("Weekly report", enjoyment=1)
        s.crossroads.save_checkin(dt.date(2026, 5, 31), answers(3))
    laptop.sync()
    desktop.sync()

    def bad(doc: Doc[Any]) -> None:
        tasks = doc.get("tasks", type=Map)
        (uid,) = tasks.keys()
        tasks[uid]["enjoyment"] = 99  # outside -2…2: left blank
        tasks[uid]["notes"] = Text("Still synced.")
        tasks["f" * 32] = Map({"title": "Forged", "kind": "chore", "deleted": False})  # no such kind: skipped
        tasks["e" * 32] = Map({"title": 7, "deleted": False})  # not even text
        (checkin,) = doc.get("checkins", type=Map).values()
        checkin["answers"]["room"] = 9  # a score outside 1–5: that answer left out
        doc.get("goals", type=Map)["c" * 32] = Map({"gap": Map({"a": 1}), "title": "x", "deleted": False})
        doc.get("milestones", type=Map)["d" * 32] = Map(
            {"goal": "no such goal", "title": "x", "deleted": False}
        )

    forge(laptop.shared, bad)
    with caplog.at_level(logging.WARNING):
        report = desktop.sync()
    assert report.came_in == {"forger": {"tasks": 1, "checkins": 1}}
    assert "kind" in caplog.text and "chore" in caplog.text
    held = same_everywhere(desktop, laptop)
    (task,) = held["tasks"].values()
    assert (task["title"], task["enjoyment"], task["notes"]) == ("Weekly report", None, "Still synced.")
    assert held["milestones"] == {}
    kept = {a["key"]: a["score"] for a in held["checkin_answers"].values()}
    assert "room" not in kept and set(kept.values()) == {3}
