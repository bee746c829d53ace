"""Generate a realistic benchmark journal: N years of daily work-journal entries.

Writes a rutjournal database (made at head by the app's own code, then bulk-filled with raw sqlite3 so the
FTS triggers index it), and optionally the same entries as a jrnl journal and a RedNotebook data folder.

    python benchmarks/make_journal.py --data-dir /tmp/rj10 [--years 10] [--jrnl DIR] [--rednotebook DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

PEOPLE = ["Priya", "Marcus", "Lena", "Tom", "Aisha", "Dmitri", "Sofia", "Ken", "Rachel", "Omar", "Grace",
          "Jonas", "my boss", "the new director", "our VP", "the client", "HR", "the product owner"]
PROJECTS = ["billing migration", "Q3 roadmap", "onboarding revamp", "data warehouse", "mobile release",
            "vendor audit", "pricing page", "support backlog", "hiring plan", "API redesign", "security review",
            "budget forecast", "customer portal", "reporting dashboard", "cloud move", "release train"]
TASKS = ["the status report", "expense reports", "code review", "the slide deck", "ticket triage", "the budget",
         "interview notes", "the weekly summary", "meeting minutes", "the test plan", "invoices", "a proposal",
         "the design doc", "timesheets", "the handover notes", "performance reviews"]
FEELINGS = ["bored", "drained", "energised", "frustrated", "calm", "anxious", "proud", "stuck", "motivated",
            "tired", "restless", "hopeful", "flat", "overwhelmed", "focused", "curious"]
ADJ = ["long", "pointless", "useful", "tense", "short", "awkward", "productive", "quiet", "chaotic", "friendly"]
WHEN = ["this morning", "after lunch", "late in the afternoon", "first thing", "before standup", "at the end of "
        "the day", "over coffee", "on the train home", "during the all-hands"]
SKILLS = ["public speaking", "negotiation", "SQL", "people management", "Python", "writing", "budgeting",
          "mentoring", "product strategy", "data analysis", "design", "hiring"]
NOUNS = ["backlog", "contract", "timeline", "estimate", "dashboard", "spreadsheet", "workshop", "offsite",
         "launch", "outage", "incident", "escalation", "sprint", "demo", "prototype", "survey", "policy", "audit",
         "quarter", "forecast", "invoice", "migration", "rollout", "schema", "pipeline", "template", "checklist",
         "handbook", "vendor", "partner", "customer", "stakeholder", "headcount", "reorg", "bonus", "raise",
         "appraisal", "certificate", "conference", "newsletter", "whiteboard", "calendar", "agenda", "memo"]
VERBS = ["reviewed", "rewrote", "postponed", "untangled", "presented", "summarised", "estimated", "tested",
         "documented", "questioned", "approved", "rejected", "drafted", "polished", "shipped", "debugged",
         "negotiated", "scheduled", "rescheduled", "escalated", "simplified", "automated", "measured"]
# (weight, template): everyday busywork is common, promotion talk and job hunting are rarer.
TEMPLATES = [
    (6, "Had a {adj} meeting with {person} about the {project} {when}."),
    (5, "Spent most of the day on {task} and felt {feeling}."),
    (3, "{Person} asked me to take over {task} again."),
    (2, "Another {adj} status report for the {project}; nobody reads it."),
    (2, "The deadline for the {project} moved again, now it is next {weekday}."),
    (1, "I should delegate {task} to {person} instead of doing it myself."),
    (0.4, "Talked to my boss about a promotion {when}; no promises yet."),
    (3, "Felt {feeling} {when}, which is becoming a pattern."),
    (2, "Learned something new about {skill} while working on the {project}."),
    (2, "Three meetings back to back, and I got nothing real done."),
    (1, "{Person} praised the work on the {project} in the team meeting."),
    (3, "Wrote {task} {when} and it took twice as long as it should."),
    (1, "I keep thinking about whether this job still teaches me anything."),
    (0.4, "Looked at job postings {when}; a few asked for {skill}."),
    (2, "Blocked two hours for deep work on the {project} and it actually worked."),
    (0.6, "The boss cancelled our one-on-one again."),
    (1, "Need to ask {person} for feedback on my {skill}."),
    (1, "Missed the deadline for {task}, mostly because of the {project}."),
    (2, "Took a proper lunch break and felt {feeling} afterwards."),
    (0.3, "Signed up for a course on {skill} to get out of the rut."),
    (1, "The {project} retrospective was {adj} but honest."),
    (1, "Helped {person} with {task}; mentoring is the best part of the week."),
    (3, "Busywork all day: {task}, {task2} and more email."),
    (0.7, "Monday dread again, even though the {project} is going fine."),
    (0.2, "Promotion round is coming up, so I started listing what I shipped this year."),
    (0.5, "Said no to a new meeting series for the first time."),
    (1, "My workload is too heavy; I could delegate more to {person}."),
    (2, "{Person} and I sketched a plan for the {project} {when}."),
    (1, "Worked late to hit the deadline, and I am {feeling} now."),
    (2, "Quiet day; caught up on {task} and cleared the inbox."),
    (1, "The status report showed the {project} slipping by two weeks."),
    (0.2, "Asked {person} how they got their promotion last year."),
    (1, "Got a challenging problem in the {project}, finally something to chew on."),
    (0.5, "Skipped the gym and regretted it."),
    (0.3, "Thinking of asking for a transfer to the team that owns the {project}."),
    (8, "{Person} and I {verb} the {noun} for the {project}."),
    (6, "The {noun} and the {noun2} both need work before {weekday}."),
    (5, "I {verb} the {noun} {when} and {verb2} the {noun2} after that."),
]
TAGS = ["meeting", "status-report", "deadline", "promotion", "delegation", "one-on-one", "boss", "feedback",
        "learning", "burnout", "overtime", "mentoring", "interview", "job-search", "planning", "review",
        "conference", "travel", "remote", "office", "win", "setback", "conflict", "idea", "focus", "busywork",
        "training", "budget", "hiring", "side-project"]
JRNL_VERSION = "4.6"  # jrnl rewrites its config (once, with a notice) when this differs
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


_TEXTS = [t for _, t in TEMPLATES]
_CUM = list(itertools.accumulate(w for w, _ in TEMPLATES))


def sentence(rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    return rng.choices(_TEXTS, cum_weights=_CUM)[0].format(
        person=person, Person=person[0].upper() + person[1:], project=rng.choice(PROJECTS),
        task=rng.choice(TASKS), task2=rng.choice(TASKS), feeling=rng.choice(FEELINGS), adj=rng.choice(ADJ),
        when=rng.choice(WHEN), skill=rng.choice(SKILLS), weekday=rng.choice(WEEKDAYS), noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS), verb=rng.choice(VERBS), verb2=rng.choice(VERBS),
    )


def body(rng: random.Random) -> str:
    target = max(150, min(350, int(rng.triangular(150, 350, 250))))
    paragraphs, current, words = [], [], 0
    while words < target:
        s = sentence(rng)
        current.append(s)
        words += len(s.split())
        if len(current) >= rng.randint(4, 8):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def score(rng: random.Random, blank: float = 0.12) -> int | None:
    return None if rng.random() < blank else rng.choice([1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5])


def make_entries(years: int, end: dt.date, seed: int = 20261125) -> list[dict]:
    rng = random.Random(seed)
    first = end - dt.timedelta(days=365 * years - 1)
    entries = []
    for i in range(365 * years):
        day = first + dt.timedelta(days=i)
        weekend = day.weekday() >= 5
        hours = rng.choice([0, 0, 0, 1, 2, 3.5]) if weekend else rng.randrange(12, 25) / 2
        if rng.random() < 0.08:
            hours = None
        written = dt.datetime.combine(day, dt.time(rng.randint(17, 22), rng.randint(0, 59)))
        entries.append({
            "day": day, "body": body(rng), "mood": score(rng), "energy": score(rng),
            "challenge": score(rng), "load": score(rng, 0.2), "hours": hours,
            "tags": sorted(rng.sample(TAGS, rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))), "written": written,
        })
    return entries


def write_rutjournal(data_dir: Path, entries: list[dict]) -> Path:
    from rutjournal.core.db import open_database
    from rutjournal.paths import DATABASE_NAME

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_NAME
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    open_database(path).close()  # creates the schema at head, the FTS table and its triggers
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO tags (id, name) VALUES (?, ?)", list(enumerate(TAGS, 1)))
    tag_id = {name: i for i, name in enumerate(TAGS, 1)}
    stamp = "%Y-%m-%d %H:%M:%S.%f"
    conn.executemany(
        "INSERT INTO entries (id, day, body, mood, energy, challenge, hours, load, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(n, e["day"].isoformat(), e["body"], e["mood"], e["energy"], e["challenge"], e["hours"], e["load"],
          e["written"].strftime(stamp), e["written"].strftime(stamp)) for n, e in enumerate(entries, 1)],
    )
    conn.executemany(
        "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
        [(n, tag_id[t]) for n, e in enumerate(entries, 1) for t in e["tags"]],
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def split_title(text: str) -> tuple[str, str]:
    first, _, rest = text.partition(". ")
    return (first + "." if rest else first), rest


def write_jrnl(folder: Path, entries: list[dict]) -> Path:
    """jrnl's plain-text format, plus a config (in $XDG_CONFIG_HOME/jrnl/jrnl.yaml) pointing at it."""
    (folder / "config" / "jrnl").mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    journal = folder / "journal.txt"
    with journal.open("w", encoding="utf-8") as fh:
        for e in entries:
            title, rest = split_title(e["body"])
            tags = " ".join("@" + t for t in e["tags"])
            fh.write(f"[{e['written']:%Y-%m-%d %H:%M}] {title}\n{rest}\n\n{tags}\n\n")
    config = f"""colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: true
indent_character: '|'
journals:
  default: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: '{JRNL_VERSION}'
"""
    (folder / "config" / "jrnl" / "jrnl.yaml").write_text(config, encoding="utf-8")
    return journal


def write_rednotebook(folder: Path, entries: list[dict]) -> int:
    """RedNotebook's data folder: one YYYY-MM.txt YAML file a month, {day: {text: ..., tag: null}}."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].txt"):
        old.unlink()
    months: dict[str, list[str]] = {}
    for e in entries:
        lines = [f"{e['day'].day}:", f"  text: {json.dumps(e['body'])}"]  # a JSON string is a YAML scalar
        lines += [f"  {json.dumps(t)}: null" for t in e["tags"]]
        months.setdefault(f"{e['day']:%Y-%m}", []).extend(lines)
    for name, lines in months.items():
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(months)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="rutjournal data folder to (re)create")
    parser.add_argument("--years", type=int, default=10, help="years of daily entries (default 10)")
    parser.add_argument("--end", type=dt.date.fromisoformat, default=dt.date.today() - dt.timedelta(days=1),
                        help="last day with an entry (default yesterday, so today is still unwritten)")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--jrnl", type=Path, metavar="DIR", help="also write a jrnl journal + config here")
    parser.add_argument("--rednotebook", type=Path, metavar="DIR", help="also write a RedNotebook data folder")
    args = parser.parse_args()

    t0 = time.perf_counter()
    entries = make_entries(args.years, args.end, args.seed)
    words = sum(len(e["body"].split()) for e in entries)
    t1 = time.perf_counter()
    path = write_rutjournal(args.data_dir, entries)
    t2 = time.perf_counter()
    print(f"{len(entries):,} entries, {words:,} words ({words / len(entries):.0f} a day), "
          f"{entries[0]['day']} .. {entries[-1]['day']}; generated in {t1 - t0:.1f} s")
    print(f"rutjournal: {path} ({path.stat().st_size / 1e6:.1f} MB) in {t2 - t1:.1f} s")
    if args.jrnl:
        journal = write_jrnl(args.jrnl, entries)
        print(f"jrnl: {journal} ({journal.stat().st_size / 1e6:.1f} MB); "
              f"use XDG_CONFIG_HOME={args.jrnl / 'config'} XDG_DATA_HOME={args.jrnl / 'data'}")
    if args.rednotebook:
        count = write_rednotebook(args.rednotebook, entries)
        print(f"RedNotebook: {args.rednotebook} ({count} month files); run: rednotebook {args.rednotebook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
