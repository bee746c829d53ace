"""The other sections' records sync: devices sharing a folder end with the same tasks and their history, Grow,
Guidance and Crossroads, every edit each made, through the sections' own services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rutjournal.core.transfer.exporters.tables import TABLES
from tests.core.sync_devices import Device, devices
from tests.core.sync_records_help import answers, same_everywhere, services

SYNCED = tuple(table for table in TABLES if table not in ("entries", "tags", "entry_tags"))


def fill(device: Device, tag: str) -> None:
    """One of everything, on every section, through its service; titles end in ``tag``."""
    with services(device) as s:
        task = s.load.add(f"Weekly report {tag}", minutes_per_week=90, notes="Every Friday.")
        s.load.decide(task, "delegate", to="Sam", reason="Sam wants to learn it.", on=dt.date(2026, 5, 2))
        target = s.grow.set_target(f"Staff engineer {tag}", dt.date(2027, 1, 1))
        gap = s.grow.add_gap(f"Design reviews {tag}", "skill", "Leads two reviews.", target_id=target)
        goal = s.grow.add_goal(f"Lead a review {tag}", gap, due=dt.date(2026, 9, 1))
        s.grow.add_milestone(goal, f"Pick the design {tag}")
        s.grow.update_goal(goal, manual_percent=20)
        s.grow.add_evidence(
            f"Shipped the cache {tag}.", dt.date(2026, 5, 3), result="p99 halved", goal_id=goal
        )
        s.grow.add_challenge(f"Own the on-call rota {tag}", "Ana", dt.date(2026, 5, 4))
        talk = s.guidance.add_conversation(dt.date(2026, 5, 5), f"Ana {tag}", "boss", agenda="Growth.")
        s.guidance.add_option(talk, "seminar", "A design course.")
        s.guidance.add_followup(talk, f"Send the plan {tag}", "me", dt.date(2026, 5, 12))
        s.guidance.add_promotion(dt.date(2026, 5, 6), "refused", reason="Not this cycle.", role_title="Staff")
        s.crossroads.save_checkin(dt.date(2026, 5, 8 + "LDP".index(tag)), answers(3), f"Calm month {tag}.")
        s.crossroads.add_application(f"Acme {tag}", "Staff engineer", "applied", dt.date(2026, 5, 8), "Ref.")


def change(device: Device, tag: str) -> None:
    """Edit and delete on every section (what ``fill(tag)`` made)."""
    with services(device) as s:
        task = s.task(f"Weekly report {tag}")
        s.load.update(task, notes="Every Friday, before noon.", minutes_per_week=60)
        s.load.done(task, dt.date(2026, 5, 20))
        goal = s.goal(f"Lead a review {tag}")
        milestone = s.grow.goal(goal).milestones[0].id
        s.grow.set_milestone_done(milestone, on=dt.date(2026, 5, 21))
        s.grow.update_goal(goal, status="done", manual_percent=100)
        gap = s.grow.goal(goal).gap_id
        s.grow.update_gap(gap, good_looks_like="Leads two reviews a quarter.")
        s.grow.delete_evidence(s.grow.evidence()[0].id)
        s.grow.answer_challenge(s.grow.challenges()[0].id, "yes", dt.date(2026, 5, 22))
        talk = s.conversation(f"Ana {tag}")
        s.guidance.update_conversation(talk, held=True, notes="She offered the seminar.")
        view = s.guidance.conversation(talk)
        s.guidance.delete_option(view.options[0].id)
        s.guidance.set_followup_done(view.followups[0].id, on=dt.date(2026, 5, 23))
        s.guidance.update_promotion(s.guidance.promotions()[0].id, outcome="granted", reason=None)
        checkin = s.crossroads.checkins()[0]
        s.crossroads.save_checkin(checkin.day, answers(4), checkin.note + " Then busy.")
        application = s.crossroads.applications()[0].id
        s.crossroads.update_application(application, stage="interview", notes="Ref. Call on Monday.")


def test_every_section_syncs_between_two_devices(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    fill(laptop, "L")
    report = laptop.sync()
    sent = {table: 1 for table in SYNCED if table != "checkin_answers"}  # the answers go with their check-in
    assert report.went_out == sent
    report = desktop.sync()
    assert report.came_in["laptop"]["tasks"] == 1 and report.came_in["laptop"]["checkins"] == 1
    held = same_everywhere(laptop, desktop)
    assert all(held[table] for table in SYNCED), [table for table in SYNCED if not held[table]]
    change(desktop, "L")
    fill(desktop, "D")
    held = same_everywhere(desktop, laptop)
    for device in (laptop, desktop):  # in step: nothing read back differs from what was written
        assert device.sync()[:2] == ({}, {})
    task = next(t for t in held["tasks"].values() if t["title"] == "Weekly report L")
    assert (task["notes"], task["minutes_per_week"], task["done_on"]) == (
        "Every Friday, before noon.",
        60,
        "2026-05-20",
    )
    assert sorted(e["done"] for e in held["task_events"].values() if e["task_id"] == task["uid"]) == [0, 1]
    assert len(held["evidence"]) == 1 and len(held["conversation_options"]) == 1
    promotions = sorted((p["outcome"], p["reason"]) for p in held["promotions"].values())
    assert promotions == [("granted", None), ("refused", "Not this cycle.")]
    notes = sorted(c["note"] for c in held["checkins"].values())
    assert notes == ["Calm month D.", "Calm month L. Then busy."]
    with services(laptop) as s:
        goal = s.grow.goal(s.goal("Lead a review L"))
        assert (goal.status, goal.milestones[0].done_on) == ("done", dt.date(2026, 5, 21))
        assert {a.stage for a in s.crossroads.applications()} == {"interview", "applied"}


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_three_devices_converge_whatever_order_they_sync_in(tmp_path: Path, order: tuple[int, ...]) -> None:
    trio = devices(tmp_path, "laptop", "desktop", "phone")
    for device in trio:
        fill(device, device.name[0].upper())
    for n in order:
        trio[n].sync()
    same_everywhere(*(trio[n] for n in order))
    change(trio[0], "D")
    change(trio[1], "P")
    with services(trio[2]) as s:
        s.load.delete(s.task("Weekly report L"))
        s.grow.delete_goal(s.goal("Lead a review L"))
        s.guidance.delete_conversation(s.conversation("Ana L"))
    for n in reversed(order):
        trio[n].sync()
    held = same_everywhere(*(trio[n] for n in order))
    assert sorted(t["title"] for t in held["tasks"].values()) == ["Weekly report D", "Weekly report P"]
    assert {t["notes"] for t in held["tasks"].values()} == {"Every Friday, before noon."}
    assert sorted(g["status"] for g in held["goals"].values()) == ["done", "done"]
    assert len(held["task_events"]) == 2 + 2  # two decisions, and one carried out on each of two devices
    assert len(held["goals"]) == 2 and len(held["milestones"]) == 2 and len(held["conversations"]) == 2
    assert len(held["followups"]) == 2 and len(held["checkins"]) == 3
