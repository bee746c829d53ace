"""What Crossroads keeps and what a reading is made of: the check-ins and applications as the store reads them,
the signals, how much data they rest on, the facts from Load the steps quote, the steps named and the verdict.
Plain frozen dataclasses, shared by the store, the rules, the signals, the service, the window and the command
line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckinView:
    id: int
    day: dt.date
    note: str
    answers: dict[str, int] = field(compare=False)


@dataclass(frozen=True)
class ApplicationView:
    id: int
    company: str
    role: str
    stage: str
    applied_on: dt.date | None
    updated_on: dt.date
    notes: str


@dataclass(frozen=True)
class Signal:
    key: str
    label: str
    value: str  # shown as is: a number with its unit, or "not enough data (…)"
    direction: str  # better / worse / steady / unknown (unknown: too little data, or nothing to compare with)
    why: str  # one sentence: why this counts
    number: float | None = None  # the figure the verdict rules read, as shown (None without enough data)
    level: bool = False  # judged against a line, not an earlier value: it reads "a good sign" / "a bad sign"
    steady: float | None = None  # the figure with the week that made most of it left out (None: not checked)
    figure: str = ""  # the number with its unit, as a change since the last reading quotes it ("4.6", "48 h")
    noun: str = ""  # what the figure is, for that sentence ("load over the last 30 days"); "" = the label


@dataclass(frozen=True)
class Evidence:
    """How much the verdict has to go on: days with a mood in the last 90 days, and check-ins made."""

    mood_days: int
    checkins: int


@dataclass(frozen=True)
class LoadFacts:
    """What the Load service says about the inventory, in minutes a week, for the "lighten your load" step."""

    tasks: int = 0
    on_plate: int = 0
    freed: int = 0  # freed by decisions carried out (delegate, drop, decline, automate and done)
    pending_free: int = 0  # what the decisions taken but not yet carried out would free
    undecided: int = 0  # tasks with no decision yet ("Hand off first" ranks them)
    outside: int = 0  # on the plate and not in the job description
    partly: int = 0  # on the plate and partly in it


@dataclass(frozen=True)
class Step:
    """A step out of the rut that the signals call for, with each reason and what to do about it."""

    key: str  # challenge / load / guidance / leave
    title: str  # "Find new challenges"
    section: str  # where the window goes to act on it: grow / load / guidance / tracker
    reasons: list[str]  # one line per signal behind it: the value and the rule that makes it count
    signals: list[str]  # the keys of those signals, strongest rule first
    action: str  # what to do, in a sentence or two, with the numbers from the app (hours a week to free…)


@dataclass(frozen=True)
class Verdict:
    verdict: str  # too_early / stay / push / leave
    reasons: list[str]
    rule: str
    needs: list[str] = field(default_factory=list)  # what a full verdict still lacks (empty: enough data)
    steps: list[Step] = field(default_factory=list)  # push: the steps named, strongest first; leave: one
    since: dt.date | None = None  # the day of the last reading it is compared with
    changes: list[str] = field(default_factory=list)  # what changed since then, in words
