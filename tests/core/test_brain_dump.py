"""Reading a brain dump: one task per line, times in the forms people type, nothing cut silently."""

from __future__ import annotations

import pytest

from rutjournal.core.load.brain_dump import BrainDump, ParsedTask, Rejected, guess_kind, parse_brain_dump


def one(line: str) -> ParsedTask:
    dump = parse_brain_dump(line)
    assert dump.rejected == [], dump.rejected
    assert len(dump.tasks) == 1
    return dump.tasks[0]


@pytest.mark.parametrize(
    ("line", "title", "minutes", "kind"),
    [
        ("Weekly status report, 2h", "Weekly status report", 120, "task"),
        ("Budget review meeting - 1h", "Budget review meeting", 60, "meeting"),
        ("Team standup 15m daily", "Team standup", 75, "meeting"),
        ("1:1 with Dana (30 min)", "1:1 with Dana", 30, "meeting"),
        ("Expense reports: 1.5 h", "Expense reports", 90, "task"),
        ("- Fix the shared spreadsheet", "Fix the shared spreadsheet", 0, "task"),
        ("* On-call rota 3 hours", "On-call rota", 180, "task"),
        ("Code reviews 2-3h", "Code reviews", 150, "task"),
        ("Planning sync weekly 90 minutes", "Planning sync", 90, "meeting"),
    ],
)
def test_the_lines_people_type(line: str, title: str, minutes: int, kind: str) -> None:
    assert one(line) == ParsedTask(title, minutes, kind, 1)


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        ("2h", 120),
        ("2 h", 120),
        ("2hrs", 120),
        ("2 hr", 120),
        ("2 hours", 120),
        ("1 hour", 60),
        ("1.5h", 90),
        ("1,5 h", 90),
        ("90m", 90),
        ("90 min", 90),
        ("90 mins", 90),
        ("90 minutes", 90),
        ("1h30", 90),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("1 h 30 min", 90),
        ("2H", 120),
        ("0h", 0),
    ],
)
def test_every_form_of_time(time: str, minutes: int) -> None:
    assert one(f"Triage tickets {time}") == ParsedTask("Triage tickets", minutes, "task", 1)


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        ("2-3h", 150),
        ("2 - 3 h", 150),
        ("2–3 hours", 150),
        ("2 to 3 hours", 150),
        ("30-45 min", 38),  # 37.5 rounds half up
        ("1h-2h", 90),
        ("45m-1h", 53),  # 52.5: each bound keeps its own unit
    ],
)
def test_a_range_counts_as_its_midpoint(time: str, minutes: int) -> None:
    assert one(f"Code reviews {time}").minutes_per_week == minutes


def test_a_number_bigger_than_the_time_after_it_is_not_a_range() -> None:
    assert one("Review top 5 - 2h") == ParsedTask("Review top 5", 120, "task", 1)


@pytest.mark.parametrize(
    ("line", "title", "minutes"),
    [
        ("Team standup 15m daily", "Team standup", 75),
        ("Inbox 30 min a day", "Inbox", 150),
        ("Inbox 30 min per day", "Inbox", 150),
        ("Inbox 30 min each day", "Inbox", 150),
        ("Inbox 30 min/day", "Inbox", 150),
        ("Inbox, 30 min, daily", "Inbox", 150),
        ("Inbox 30 min every working day", "Inbox", 150),
        ("Daily standup 15m", "Daily standup", 75),  # the word in the title sets the frequency, and stays
        ("Planning sync weekly 90 minutes", "Planning sync", 90),
        ("Planning sync 90 minutes a week", "Planning sync", 90),
        ("Planning sync 90 min/wk", "Planning sync", 90),
        ("Month-end close 4h monthly", "Month-end close", 55),  # 240 / 4.33 = 55.4
        ("Month-end close 4h a month", "Month-end close", 55),
        ("Month-end close 4h per month", "Month-end close", 55),
        ("Monthly report 4h", "Monthly report", 55),
        ("Board pack 1h30m a month", "Board pack", 21),  # 90 / 4.33 = 20.8
        ("Payroll check 2h fortnightly", "Payroll check", 60),
        ("Payroll check 2h every other week", "Payroll check", 60),
        ("Standup 15m 3x a week", "Standup", 45),
        ("Gym with the team 1h x2", "Gym with the team", 120),
        ("Sales call 30 min 2 times a day", "Sales call", 300),
    ],
)
def test_frequencies_turn_into_a_week(line: str, title: str, minutes: int) -> None:
    task = one(line)
    assert (task.title, task.minutes_per_week) == (title, minutes)


def test_the_last_time_on_the_line_wins_and_the_rest_stays_in_the_title() -> None:
    assert one("Prep for the 2h board meeting 30m").title == "Prep for the 2h board meeting"
    assert one("Prep for the 2h board meeting 30m").minutes_per_week == 30


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("- Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("* Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("+ Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("• Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("– Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("1. Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("12) Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("(3) Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("- [ ] Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("[x] Fix the shared spreadsheet", "Fix the shared spreadsheet"),
        ("    - Fix the shared spreadsheet  ", "Fix the shared spreadsheet"),
        ("1:1 with Dana", "1:1 with Dana"),  # not a numbered list
        ("1.5h of filing", "of filing"),
    ],
)
def test_bullets_and_numbering_are_removed(line: str, title: str) -> None:
    assert one(line).title == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Sync (1 h) with sales", "Sync with sales"),
        ("Filing (about 2h)", "Filing"),
        ("Filing ~2h", "Filing"),
        ("Filing: approx. 2h", "Filing"),
        ("Filing – 2h", "Filing"),
        ("Filing | 2h", "Filing"),
        ("Filing 2h (weekly)", "Filing"),
        ("Review PRs (team A) 2h", "Review PRs (team A)"),
        ("Review PRs (team A)", "Review PRs (team A)"),
        ("Roundabout   layout   2h", "Roundabout layout"),
        ("2h - Fix the printer", "Fix the printer"),
    ],
)
def test_the_time_and_its_separators_leave_the_title(line: str, title: str) -> None:
    assert one(line).title == title


@pytest.mark.parametrize(
    "line",
    [
        "Q3 plan",
        "Top 10 list",
        "Budget 2 months ahead",
        "Room 101 booking",
        "Version 2.5 rollout",
        "Ship v2h",
    ],
)
def test_numbers_without_a_time_unit_are_not_times(line: str) -> None:
    assert one(line) == ParsedTask(line, 0, guess_kind(line), 1)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Budget review meeting", "meeting"),
        ("Planning sync", "meeting"),
        ("Team standup", "meeting"),
        ("Team stand-up", "meeting"),
        ("1:1 with Dana", "meeting"),
        ("One-on-one with Sam", "meeting"),
        ("Client call", "meeting"),
        ("Sprint retro", "meeting"),
        ("Project sync", "meeting"),  # a meeting word wins
        ("On-call rota", "task"),
        ("Async reviews", "task"),
        ("Recall notices", "task"),
        ("CRM migration", "project"),
        ("Pricing project", "project"),
        ("Green office initiative", "project"),
        ("Expense reports", "task"),
    ],
)
def test_the_kind_is_guessed_from_the_title(title: str, kind: str) -> None:
    assert guess_kind(title) == kind


def test_blank_lines_and_bare_bullets_are_skipped_and_line_numbers_are_kept() -> None:
    dump = parse_brain_dump("\n  \nWeekly status report, 2h\n\n-\n*   \r\n\tExpense reports: 1.5 h\n\n")
    assert dump == BrainDump(
        [ParsedTask("Weekly status report", 120, "task", 3), ParsedTask("Expense reports", 90, "task", 7)],
        [],
    )
    assert dump.total_minutes == 210
    assert parse_brain_dump("") == BrainDump([], [])


def test_a_line_that_is_only_a_time_is_rejected() -> None:
    dump = parse_brain_dump("Filing 1h\n- 2h")
    assert dump.tasks == [ParsedTask("Filing", 60, "task", 1)]
    spent_on = "a few words saying what the time is spent on, not only a time"
    assert dump.rejected == [
        Rejected(2, "- 2h", "only a time, no task: add what the time is spent on", "title", spent_on)
    ]


def test_a_title_over_200_characters_is_rejected_never_cut() -> None:
    long_title = "x" * 201
    dump = parse_brain_dump(f"Fine 1h\n{long_title} 2h\n{'y' * 200} 2h")
    assert [t.line_number for t in dump.tasks] == [1, 3]
    assert dump.tasks[1].title == "y" * 200
    [rejected] = dump.rejected
    assert rejected.line_number == 2
    assert rejected.line == f"{long_title} 2h"
    assert "longer than 200 characters (201)" in rejected.reason


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Everything 169h", "169 h/week"),
        ("Everything 40h daily", "200 h/week"),
        ("Ops 1000 hours", "1000 h/week"),
    ],
)
def test_more_than_168_hours_a_week_is_rejected(line: str, shown: str) -> None:
    dump = parse_brain_dump(line)
    assert dump.tasks == []
    assert dump.rejected == [
        Rejected(
            1, line, f"comes to {shown}, more than a week has (168 h)", "hours", "at most 168 hours a week"
        )
    ]


def test_exactly_168_hours_is_allowed() -> None:
    assert one("Being on call 168h").minutes_per_week == 168 * 60


def test_untimed_tasks_are_counted() -> None:
    dump = parse_brain_dump("Filing\nReports 2h\nPrinter")
    assert dump.untimed == 2
    assert dump.total_minutes == 120


def test_fields_are_what_load_add_many_takes(db) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.load.service import Load

    dump = parse_brain_dump("Team standup 15m daily\nCRM migration 3h\n- Fix the shared spreadsheet")
    load = Load(db)
    ids = load.add_many([task.fields() for task in dump.tasks])
    assert [(t.id, t.title, t.kind, t.minutes_per_week) for t in load.tasks()] == [
        (ids[0], "Team standup", "meeting", 75),
        (ids[1], "CRM migration", "project", 180),
        (ids[2], "Fix the shared spreadsheet", "task", 0),
    ]


def test_an_absurdly_long_number_is_rejected_not_crashed_on() -> None:
    dump = parse_brain_dump("Ops " + "9" * 400 + "h")
    assert dump.rejected == [
        Rejected(
            1,
            "Ops " + "9" * 400 + "h",
            "comes to far more than a week has (168 h)",
            "hours",
            "at most 168 hours a week",
        )
    ]


def test_a_pathological_paste_is_read_quickly() -> None:
    import time

    started = time.perf_counter()
    dump = parse_brain_dump("\n".join(["-" * 5000 + " x 2h", "about " * 5000 + "2h", "Report 2h"] * 20))
    assert time.perf_counter() - started < 2
    assert len(dump.tasks) + len(dump.rejected) == 60


def test_one_typed_line_is_read_as_a_line_of_a_dump() -> None:
    from rutjournal.core.load.brain_dump import parse_task_line

    assert parse_task_line("Weekly status report, 2h") == ParsedTask("Weekly status report", 120, "task", 1)
    assert parse_task_line("- Team standup 15m daily") == ParsedTask("Team standup", 75, "meeting", 1)
    assert parse_task_line("Budget\nreview") == ParsedTask("Budget review", 0, "task", 1)  # a pasted break


@pytest.mark.parametrize(
    ("line", "field", "allowed"),
    [
        ("2h", "title", "a few words saying what the time is spent on, not only a time"),
        ("x" * 201, "title", "1 to 200 characters (details can go in the notes)"),
        ("Everything 200h", "hours", "at most 168 hours a week"),
        ("  ", "title", "a few words saying what the task is"),
    ],
)
def test_a_line_that_cannot_be_a_task_names_the_field_and_what_is_allowed(
    line: str, field: str, allowed: str
) -> None:
    from rutjournal.core.errors import InvalidInput
    from rutjournal.core.load.brain_dump import parse_task_line

    with pytest.raises(InvalidInput) as refused:
        parse_task_line(line)
    assert (refused.value.field, refused.value.allowed) == (field, allowed)
