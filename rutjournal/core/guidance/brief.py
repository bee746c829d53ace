"""The 1:1 brief for one conversation, as Markdown a person could take into it.

By default the next planned conversation, else the most recent: who and when, the agenda as stored, the open
follow-ups with who owes them, the evidence of the last 30 days, and the last 30 days of the journal in one line
per measure (mood, hours worked, perceived load), each line saying what it measures and over how many days.
Every section says in a sentence when it has nothing to show: no empty headings.

Reads only (plain SQL through the services): no ORM, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rutjournal.core import text
from rutjournal.core.grow.rules import TargetView, progress_basis
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import ROLE_LABELS, ConversationView, FollowupView, Guidance
from rutjournal.core.i18n import _, in_words, ngettext
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.report_text import evidence_item, md_block, md_inline, sentence, span
from rutjournal.core.storage.db import Database

__all__ = ["WINDOW_DAYS", "brief_markdown", "pick_conversation"]

WINDOW_DAYS = 30


def pick_conversation(conversations: list[ConversationView], today: dt.date) -> ConversationView | None:
    """The next planned conversation (not held, today or later), else the most recent one, else none."""
    planned = [c for c in conversations if not c.held and c.day >= today]
    if planned:
        return min(planned, key=lambda c: (c.day, c.id))
    return conversations[0] if conversations else None


def brief_markdown(db: Database, conversation_id: int | None = None, today: dt.date | None = None) -> str:
    """The brief for one conversation (see the module docstring); an unknown id raises InvalidInput."""
    day = today or dt.date.today()
    guidance = Guidance(db, today=lambda: day)
    grow = Grow(db, today=lambda: day)
    if conversation_id is not None:
        conv: ConversationView | None = guidance.conversation(conversation_id)
    else:
        conv = pick_conversation(guidance.conversations(), day)
    end = min(conv.day, day) if conv else day
    first = end - dt.timedelta(days=WINDOW_DAYS - 1)
    target = grow.active_target()
    out: list[str] = []
    if conv is None:
        # TRANSLATORS: a heading: the brief to take into a one-to-one conversation
        out += ["# " + _("1:1 brief"), "", _("Prepared on {day}.").format(day=text.long_day(day)), ""]
        out += [
            _(
                "No conversation is planned or recorded yet, so the agenda below is a suggestion drawn from the "
                "open gaps and stalled goals (or general questions when there are none). Plan the conversation "
                "in the Guidance section to keep an agenda of your own."
            ),
            "",
        ]
    else:
        role = in_words(ROLE_LABELS, conv.role)
        # TRANSLATORS: a conversation that has taken place
        when = _("held") if conv.held else _when(conv.day, day)
        name = md_inline(conv.with_name)
        # TRANSLATORS: a heading; {name} is the person the conversation is with
        out += ["# " + _("1:1 brief: {name}").format(name=name), ""]
        # TRANSLATORS: {role} is "Boss", "HR", …; {when} is "held" or "planned for tomorrow"
        said = _("With {name} ({role}) · {day} · {when}")
        out += [said.format(name=name, role=role, day=text.long_day(conv.day), when=when), ""]
    if target is not None:
        out += [_working_toward(target), ""]
    out += _agenda(conv, guidance)
    out += _followup_section(guidance.open_followups())
    out += _recent_evidence(grow, first, end)
    out += _last_days(db, first, end)
    return "\n".join(out).rstrip() + "\n"


def _working_toward(target: TargetView) -> str:
    """The target role, its date and how far along the way."""
    found = {"title": md_inline(target.title), "day": text.day(target.by_date) if target.by_date else ""}
    if target.progress is None:
        if target.by_date:
            return _("Working toward **{title}** by {day}.").format(**found)
        return _("Working toward **{title}**.").format(**found)
    found["percent"] = text.percent(target.progress)
    found["basis"] = progress_basis(target.gaps, lambda title: f"“{md_inline(title)}”")
    if target.by_date:
        # TRANSLATORS: {basis} says how the percentage is reached ("the mean of 2 gaps")
        return _("Working toward **{title}** by {day}: {percent} of the way there ({basis}).").format(**found)
    return _("Working toward **{title}**: {percent} of the way there ({basis}).").format(**found)


def _when(day: dt.date, today: dt.date) -> str:
    days = (day - today).days
    if days == 0:
        return _("planned for today")
    if days == 1:
        return _("planned for tomorrow")
    if days > 1:
        return ngettext("planned, in {count} day", "planned, in {count} days", days).format(count=days)
    return _("planned, not marked as held")


def _agenda(conv: ConversationView | None, guidance: Guidance) -> list[str]:
    if conv is None:
        return ["## " + _("Suggested agenda"), "", md_block(guidance.prefill_agenda()), ""]
    agenda = md_block(conv.agenda)
    return ["## " + _("Agenda"), "", agenda or _("No agenda has been written for this conversation."), ""]


def _followup_section(followups: list[FollowupView]) -> list[str]:
    out = ["## " + _("Open follow-ups"), ""]
    if not followups:
        return [*out, _("No follow-ups are open."), ""]
    overdue = sum(f.overdue for f in followups)
    mine = sum(f.owner == "me" for f in followups)
    n = len(followups)
    found = {"count": text.whole(n), "mine": mine, "theirs": n - mine, "overdue": overdue}
    if overdue:
        intro = ngettext(
            "{count} follow-up open ({mine} mine, {theirs} theirs), {overdue} overdue.",
            "{count} follow-ups open ({mine} mine, {theirs} theirs), {overdue} overdue.",
            n,
        )
    else:
        intro = ngettext(
            "{count} follow-up open ({mine} mine, {theirs} theirs), none overdue.",
            "{count} follow-ups open ({mine} mine, {theirs} theirs), none overdue.",
            n,
        )
    out += [intro.format(**found), ""]
    for f in followups:
        # TRANSLATORS: who owes a follow-up: "Owed by me"
        who = _("me") if f.owner == "me" else md_inline(f.with_name)
        if f.due is None:
            due = _("no due date")
        elif f.overdue:
            due = _("**overdue**, due {day}").format(day=text.day(f.due))
        else:
            due = _("due {day}").format(day=text.day(f.due))
        # TRANSLATORS: {who} is "me" or a person's name, {due} "due Thu 3 Dec 2026" or "no due date"
        owed = _("Owed by {who}; {due}.").format(who=who, due=due)
        out.append(f"- {sentence(md_inline(f.text))} {owed}")
    return [*out, ""]


def _recent_evidence(grow: Grow, first: dt.date, last: dt.date) -> list[str]:
    out = ["## " + _("Evidence of the last {days} days").format(days=WINDOW_DAYS), ""]
    recent = [e for e in grow.evidence() if first <= e.day <= last]
    if not recent:
        none = _("No evidence was logged in these {days} days ({span}).")
        return [*out, none.format(days=WINDOW_DAYS, span=span(first, last)), ""]
    titles = {gap.id: gap.title for target in grow.targets() for gap in target.gaps}
    # TRANSLATORS: {span} is "Tue 21 Apr 2026 – Wed 20 May 2026"
    out += [_("{span}, most recent first:").format(span=span(first, last)), ""]
    for e in recent:
        gap = titles.get(e.gap_id) if e.gap_id is not None else None
        out.append(evidence_item(e, with_kind=False, gap=gap))
    return [*out, ""]


def _last_days(db: Database, first: dt.date, last: dt.date) -> list[str]:
    days = Journal(db).scores_between(first, last)
    written = len(days)
    mood, moods = _mean(s.mood for s in days.values())
    hours, hours_days = _mean(s.hours for s in days.values())
    load, loads = _mean(s.load for s in days.values())
    tasks = Load(db).summary()
    out = ["## " + _("Last {days} days").format(days=WINDOW_DAYS), ""]
    out += [_("From the journal, {span}:").format(span=span(first, last)), ""]
    if not written:
        none = _("**Journal:** nothing written in these {days} days, so no mood or workload to show.")
        out.append("- " + none.format(days=WINDOW_DAYS))
    else:
        # TRANSLATORS: {score} is a mean score from 1 to 5
        mood_words = _("{score} of 5 on average").format(score=text.score(mood))
        out.append(_measure(_("Mood"), mood, moods, written, mood_words))
        hours_words = _("{hours} a day on average").format(hours=text.hours(hours))
        out.append(_measure(_("Hours worked"), hours, hours_days, written, hours_words))
        load_words = _("{score} of 5 on average (1 light, 5 crushing)").format(score=text.score(load))
        out.append(_measure(_("Perceived load"), load, loads, written, load_words))
    if tasks.tasks:
        out.append("- " + _task_line(tasks.on_plate, tasks.core_share, tasks.freed, tasks.pending_free))
    return [*out, ""]


def _task_line(on_plate: int, core_share: float | None, freed: int, pending_free: int) -> str:
    """The task inventory in one line: the hours on the plate, the core share, and what was and will be freed."""
    found = {
        "plate": text.minutes_as_hours(on_plate, per_week=True),
        "freed": text.minutes_as_hours(freed, per_week=True),
        "pending": text.minutes_as_hours(pending_free, per_week=True),
    }
    if core_share is None:
        # TRANSLATORS: {plate} is hours a week ("12 h/week")
        plate = _("{plate} on the plate").format(**found)
    else:
        plate = _("{plate} on the plate, {percent} of it core work").format(
            percent=text.percent(core_share), **found
        )
    if freed and pending_free:
        # TRANSLATORS: {freed} and {pending} are hours a week
        freeing = _("{freed} freed so far, {pending} more once the pending decisions are carried out")
    elif freed:
        freeing = _("{freed} freed so far")
    elif pending_free:
        freeing = _("none freed yet, {pending} more once the pending decisions are carried out")
    else:
        freeing = _("none freed yet")
    # TRANSLATORS: {plate} is "12 h/week on the plate, 60 % of it core work", {freeing} "2 h/week freed so far"
    return _("**Task inventory:** {plate}; {freeing}.").format(plate=plate, freeing=freeing.format(**found))


def _mean(values: Iterable[float | None]) -> tuple[float | None, int]:
    """The mean of the values given (None for none) and how many there were."""
    given = [v for v in values if v is not None]
    return (sum(given) / len(given) if given else None), len(given)


def _measure(name: str, mean: float | None, count: int, written: int, value: str) -> str:
    """One line of the last days: what it measures, its mean, and over how many of the written days."""
    if not count or mean is None:
        # TRANSLATORS: {name} is "Mood", "Hours worked" or "Perceived load"
        return "- " + _("**{name}:** not recorded on any of the written days.").format(name=name)
    found = {"name": name, "value": value, "count": count, "written": text.whole(written)}
    if count == written:
        # TRANSLATORS: {value} is "3.4 of 5 on average"
        said = ngettext(
            "**{name}:** {value} over {written} written day.",
            "**{name}:** {value} over {written} written days.",
            written,
        )
    else:
        said = ngettext(
            "**{name}:** {value} over {count} of {written} written day.",
            "**{name}:** {value} over {count} of {written} written days.",
            written,
        )
    return "- " + said.format(**found)
