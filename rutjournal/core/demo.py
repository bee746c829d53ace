"""The demo journal: a believable recent quarter of one person's work life, for exploring the app first.

Everything is written through the services, as the window would write it, so the demo shows exactly what a
real journal looks like. It is generated from a seed and a "today": the same pair gives the same journal.
It lives in its own data folder (``paths.demo_data_dir``), never beside the user's own journal; a marker file
there says it is the demo; the journal is built in a folder aside and moved in whole, then the marker is
written, so a half-built demo is built again rather than reused.

The story: an analyst in a rut. Mondays are the low point, a release crunch five to seven weeks ago meant long
days and high load, busywork is handed off along the way, and a stretch assignment asked for three weeks ago
lifts the challenge score near the end.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core.logsetup import logger
from rutjournal.core.storage.db import Database, open_database
from rutjournal.core.values import Scores

log = logger(__name__)

DEMO_SEED = 20261201
DEMO_DAYS = 90
MARKER_NAME = "DEMO.txt"
MARKER_TEXT = (
    "This folder holds rutjournal's demo journal: made-up entries, tasks and goals to explore the app with.\n"
    "Nothing here is yours. `rutjournal --demo --reset-demo` builds it again from scratch.\n"
)
BUSY_STRETCH = (49, 35)  # days before today: the release crunch runs from the first to the second
STRETCH_GRANTED = 21  # days before today: the stretch assignment starts


@dataclass(frozen=True)
class DemoCounts:
    """What was written, for the log and the tests."""

    entries: int
    tasks: int
    goals: int
    evidence: int
    conversations: int
    checkins: int


# --- the text -------------------------------------------------------------------------------------------------
def _vocabulary() -> tuple[dict[str, list[str]], list[str], list[float]]:
    from rutjournal.core.resources import resource_path

    slots: dict[str, list[str]] = {}
    texts: list[str] = []
    weights: list[float] = []
    for line in resource_path("demo_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, rest = line.partition(": ")
        if key == "template":
            weight, text = rest.split(" ", 1)
            weights.append(float(weight))
            texts.append(text)
        else:
            slots[key] = rest.split("|")
    return slots, texts, list(itertools.accumulate(weights))


class _Writer:
    """Sentences from the vocabulary's templates, drawn with one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.slots, self.texts, self.cum = _vocabulary()
        self.tags = self.slots.pop("tag")

    def sentence(self) -> str:
        fill = {slot: self.rng.choice(choices) for slot, choices in self.slots.items()}
        fill |= {slot + "2": self.rng.choice(choices) for slot, choices in self.slots.items()}
        fill["Person"] = fill["person"][0].upper() + fill["person"][1:]
        return self.rng.choices(self.texts, cum_weights=self.cum)[0].format(**fill)

    def body(self, opening: str = "") -> str:
        target = int(self.rng.triangular(50, 170, 90))
        paragraphs, current, count = [], [opening] if opening else [], len(opening.split())
        while count < target:
            sentence = self.sentence()
            current.append(sentence)
            count += len(sentence.split())
            if len(current) >= self.rng.randint(3, 6):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        return "\n\n".join(paragraphs)


# --- the days -------------------------------------------------------------------------------------------------
def _clamp(value: float) -> int:
    return max(1, min(5, round(value)))


def _day_scores(rng: random.Random, day: dt.date, ago: int) -> tuple[Scores, list[str], str]:
    """Scores, extra tags and an opening line with the patterns the Trends view should show."""
    busy = BUSY_STRETCH[1] <= ago <= BUSY_STRETCH[0]
    stretched = ago <= STRETCH_GRANTED
    weekday = day.weekday()
    mood = 3.1 + rng.gauss(0, 0.7) - (1.1 if weekday == 0 else 0) + (0.5 if weekday == 4 else 0)
    energy = 3.0 + rng.gauss(0, 0.7) - (0.6 if weekday == 0 else 0)
    challenge = 1.9 + rng.gauss(0, 0.6)
    load = 2.8 + rng.gauss(0, 0.6)
    hours = rng.choice([7.5, 8.0, 8.0, 8.5, 9.0])
    tags: list[str] = []
    opening = ""
    if busy:
        mood, energy, load = mood - 0.8, energy - 1.0, load + 1.6
        hours = rng.choice([9.5, 10.0, 10.5, 11.0, 11.5])
        tags += ["overtime", "deadline"]
        opening = "Release crunch, day after day."
    if stretched:
        challenge += 1.8
        mood += 0.5
        tags.append("learning")
        opening = opening or "Worked on the forecasting pilot, the stretch assignment."
    if weekday == 0 and not opening:
        opening = "Monday dread again."
    if weekday >= 5:
        hours = rng.choice([0.0, 0.0, 1.0, 2.0])
        load, challenge = load - 1.2, challenge - 0.3
    scores = Scores(
        mood=_clamp(mood),
        energy=_clamp(energy),
        challenge=_clamp(challenge),
        hours=hours,
        load=None if rng.random() < 0.08 else _clamp(load),
    )
    return scores, tags, opening


def _write_entries(db: Database, rng: random.Random, writer: _Writer, today: dt.date) -> int:
    from rutjournal.core.journal.service import Journal

    journal = Journal(db)
    written = 0
    for ago in range(DEMO_DAYS, 0, -1):  # today itself is left for the visitor to try
        day = today - dt.timedelta(days=ago)
        skip = 0.55 if day.weekday() >= 5 else 0.1
        if rng.random() < skip:
            continue
        scores, extra, opening = _day_scores(rng, day, ago)
        tags = sorted({*rng.sample(writer.tags, rng.choice([1, 1, 2, 2, 3])), *extra})
        journal.save(day, writer.body(opening), scores, tags)
        written += 1
    return written


# --- load, grow, guidance, crossroads -------------------------------------------------------------------------
TASKS: tuple[tuple[str, str, int, str, int, int], ...] = (
    # title, kind, minutes a week, in job description, enjoyment, value
    ("Weekly status report for the leadership team", "task", 180, "partly", -2, 2),
    ("Monday all-hands", "meeting", 60, "partly", -1, 2),
    ("Expense report approvals for the team", "task", 90, "no", -2, 1),
    ("Quarterly revenue forecast", "project", 360, "yes", 1, 5),
    ("Ad-hoc data pulls for sales", "task", 240, "partly", -1, 2),
    ("Onboarding new analysts", "task", 120, "yes", 2, 4),
    ("Vendor audit spreadsheet", "task", 150, "no", -2, 1),
    ("Reporting dashboard upkeep", "project", 180, "yes", 0, 3),
    ("Cross-team sync on the data warehouse", "meeting", 90, "partly", -1, 2),
    ("Meeting minutes for the steering group", "task", 60, "no", -2, 1),
    ("Code review for the analytics repo", "task", 120, "yes", 1, 4),
    ("Customer churn model", "project", 240, "yes", 2, 5),
    ("Timesheet reminders", "task", 30, "no", -1, 1),
    ("One-on-one with my boss", "meeting", 30, "yes", 0, 4),
    ("Release train planning", "meeting", 90, "partly", -1, 2),
)
DECISIONS: dict[str, tuple[str, str | None, int, bool]] = {
    # title: decision, to whom or why, days ago decided, carried out
    "Expense report approvals for the team": ("delegate", "Ken (team admin)", 60, True),
    "Vendor audit spreadsheet": ("delegate", "a temp from the admin pool", 40, False),
    "Meeting minutes for the steering group": ("decline", "not my role; rotate it", 55, True),
    "Timesheet reminders": ("automate", "a calendar reminder does it", 70, True),
    "Ad-hoc data pulls for sales": ("renegotiate", "a self-serve dashboard instead", 20, False),
    "Monday all-hands": ("keep", None, 30, False),
    "Quarterly revenue forecast": ("keep", None, 30, False),
    "Release train planning": ("drop", "the release manager covers it", 12, False),
}


def _write_load(db: Database, today: dt.date) -> int:
    from rutjournal.core.load.service import Load

    load = Load(db)
    ids = load.add_many(
        [
            {"title": t, "kind": k, "minutes_per_week": m, "in_jd": jd, "enjoyment": e, "value": v}
            for t, k, m, jd, e, v in TASKS
        ]
    )
    for task_id, (title, *_rest) in zip(ids, TASKS, strict=True):
        if title in DECISIONS:
            decision, why, ago, done = DECISIONS[title]
            on = today - dt.timedelta(days=ago)
            to = why if decision == "delegate" else None
            reason = why if decision != "delegate" else None
            load.decide(task_id, decision, to=to, reason=reason, on=on)
            if done:
                load.done(task_id, on=on + dt.timedelta(days=7))
    return len(ids)


GOALS: tuple[tuple[int, str, int, int, tuple[str, ...], int], ...] = (
    # index of its gap, title, started days ago, due in days (negative: overdue), milestones, how many done
    (0, "Present the quarterly forecast myself", 60, 30, ("Draft the deck", "Dry run", "Present"), 2),
    (1, "Run the forecasting pilot", 21, 75, ("Kick-off", "Shared data model", "Pilot review"), 1),
    (2, "Finish the forecasting course", 80, -10, ("Modules 1-3", "Modules 4-6", "Final project"), 2),
    (3, "Write two posts for the newsletter", 45, 40, ("First post", "Second post"), 0),
)
EVIDENCE: tuple[tuple[str, int, str, int | None], ...] = (
    # what, days ago, kind, index of the gap it closes
    ("Shipped the reporting dashboard v2: the weekly report takes minutes now", 70, "project_shipped", None),
    ("Wrote the design note for the churn model", 52, "writing_design", 2),
    ("Mentored two new analysts through their first month", 33, "collaboration_mentoring", None),
    ("Presented the pilot plan to Sales and Finance", 15, "beyond_role", 1),
    ("Dry run of the forecast deck: Priya said it was clear", 6, "collaboration_mentoring", 0),
)


def _write_grow(db: Database, today: dt.date) -> tuple[int, int]:
    from rutjournal.core.grow.service import Grow

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    grow = Grow(db, today=lambda: today)
    grow.set_target("Senior Analyst", by=today + dt.timedelta(days=270))
    plan = (
        ("Present to leadership with confidence", "skill", "I walk the VP through the forecast alone"),
        ("Lead a cross-team project", "experience", "I own a project with people from two other teams"),
        ("Forecasting models", "knowledge", "I can build and defend a revenue model"),
        ("Be known outside my team", "visibility", "other teams ask for me by name"),
    )
    gap_ids = [grow.add_gap(title, kind, good) for title, kind, good in plan]
    goal_ids = []
    for gap, title, started, due_in, steps, done in GOALS:
        goal_id = grow.add_goal(
            title, gap_ids[gap], due=today + dt.timedelta(days=due_in), started_on=ago(started)
        )
        goal_ids.append(goal_id)
        for n, step in enumerate(steps):
            milestone = grow.add_milestone(goal_id, step)
            if n < done:
                grow.set_milestone_done(milestone, on=ago(started - 10 * (n + 1)))
    for text, days, kind, closes in EVIDENCE:
        grow.add_evidence(text, day=ago(days), kind=kind, gap_id=None if closes is None else gap_ids[closes])
    grow.add_challenge("Lead the forecasting pilot with Sales and Finance", "my boss", ago(30), "yes")
    grow.add_challenge("Present the quarterly numbers to the VP myself", "my boss", ago(12))
    return len(goal_ids), len(EVIDENCE)


def _write_guidance(db: Database, today: dt.date) -> int:
    from rutjournal.core.guidance.service import Guidance

    guidance = Guidance(db, today=lambda: today)
    held = guidance.add_conversation(
        today - dt.timedelta(days=38),
        "Dana (my boss)",
        "boss",
        held=True,
        notes="Said the team has no senior opening this year. Open to me leading the pilot. "
        "Mentioned the leadership programme and course budget.",
        outcome="A stretch assignment, and a look at the course budget",
    )
    guidance.add_option(held, "cross_training", "shadow the finance planning team for a sprint")
    guidance.add_option(held, "course_reimbursement", "up to one course a year")
    guidance.add_option(held, "leadership_programme", "next intake in spring")
    mine = guidance.add_followup(held, "Send the pilot proposal", "me", today - dt.timedelta(days=30))
    guidance.set_followup_done(mine, on=today - dt.timedelta(days=31))
    guidance.add_followup(held, "Confirm the course budget", "them", today - dt.timedelta(days=10))
    guidance.add_followup(
        held, "Ask HR about the leadership programme", "them", today + dt.timedelta(days=14)
    )
    guidance.add_conversation(today + dt.timedelta(days=5), "Dana (my boss)", "boss")  # agenda prefilled
    guidance.add_conversation(
        today - dt.timedelta(days=20),
        "Sam (mentor)",
        "mentor",
        held=True,
        notes="Advice: make the pilot visible, write about it.",
    )
    guidance.add_promotion(
        today - dt.timedelta(days=80), "refused", reason="budget freeze", role_title="Senior Analyst"
    )
    return 3


def _write_crossroads(db: Database, today: dt.date) -> int:
    from rutjournal.core.crossroads.service import Crossroads

    crossroads = Crossroads(db, today=lambda: today)
    answers = {"room": 2, "options": 3, "learning": 2, "dread": 4, "followups": 2, "recognition": 3}
    answers |= {"energy": 2, "recommend": 3}
    keys = [q.key for q in crossroads.questions()]
    chosen = {key: answers.get(key, 3) for key in keys}
    crossroads.save_checkin(today - dt.timedelta(days=35), chosen, "Flat month; the crunch wore me out.")
    crossroads.add_application(
        "Northwind Analytics", "Senior Analyst", "applied", applied_on=today - dt.timedelta(days=16)
    )
    return 1


# --- building -------------------------------------------------------------------------------------------------
def build_demo(db: Database, today: dt.date, seed: int = DEMO_SEED) -> DemoCounts:
    """Fill an empty journal with the demo quarter ending yesterday (the same seed and today, the same data)."""
    rng = random.Random(seed)
    entries = _write_entries(db, rng, _Writer(rng), today)
    tasks = _write_load(db, today)
    goals, evidence = _write_grow(db, today)
    conversations = _write_guidance(db, today)
    checkins = _write_crossroads(db, today)
    return DemoCounts(entries, tasks, goals, evidence, conversations, checkins)


def is_built(data_dir: Path) -> bool:
    return (data_dir / MARKER_NAME).exists()


def ensure_demo(data_dir: Path, *, reset: bool = False, today: dt.date | None = None) -> DemoCounts | None:
    """Build the demo journal in ``data_dir`` unless it is there already (or ``reset`` asks for a new one).

    Returns what was written, or None when the existing demo was kept. Only a folder that holds the demo
    marker (or no journal at all) is ever cleared: a folder with someone's real journal is refused.
    """
    from rutjournal.core.errors import DatabaseProblem
    from rutjournal.core.paths import BACKUP_DIR_NAME, DATABASE_NAME

    database = data_dir / DATABASE_NAME
    if is_built(data_dir) and not reset:
        return None
    if database.exists() and not is_built(data_dir) and database.stat().st_size > 0:
        from rutjournal.core.journal import store
        from rutjournal.core.storage.connect import connect_raw

        conn = connect_raw(database)
        try:
            has_entries = not store.is_empty(conn)
        finally:
            conn.close()
        if has_entries:  # the demo is built aside and moved in whole: this journal is someone's own
            raise DatabaseProblem(
                database, f"{data_dir} holds a journal that is not the demo; it was left as it is"
            )
    (data_dir / MARKER_NAME).unlink(missing_ok=True)
    building = data_dir / ".building"  # built aside, then moved in: a crash never leaves half a demo in use
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    db = open_database(building / DATABASE_NAME)
    try:
        counts = build_demo(db, today or dt.date.today())
    finally:
        db.close()
    for name in (DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"):
        (data_dir / name).unlink(missing_ok=True)
        if (building / name).exists():
            (building / name).replace(data_dir / name)
    shutil.rmtree(building, ignore_errors=True)
    shutil.rmtree(data_dir / BACKUP_DIR_NAME, ignore_errors=True)  # backups of a demo thrown away
    (data_dir / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
    log.info("built the demo journal in %s: %s", data_dir, counts)
    return counts
