"""`rutjournal checkin`, `rutjournal application add` and `rutjournal report crossroads` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rutjournal.cli.crossroads import parse_answers
from rutjournal.core.errors import InvalidInput
from tests.rut import heavy_imports, rut

KEYS = ["room", "options", "learning", "dread", "followups", "recognition", "energy", "recommend"]


def answers(score: int, **overrides: int) -> list[str]:
    return [f"{k}={overrides.get(k, score)}" for k in KEYS]


def test_answers_are_read_as_key_equals_number() -> None:
    assert parse_answers(["room=3", "dread = 5"]) == {"room": 3, "dread": 5}
    for bad in (["room"], ["=3"], ["room=x"], ["room=3", "room=4"]):
        with pytest.raises(InvalidInput):
            parse_answers(bad)


def test_the_questions_are_listed_with_their_keys(data_dir: Path) -> None:
    done = rut("checkin", "--questions")
    assert done.returncode == 0
    lines = done.stdout.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == KEYS
    assert "reverse-scored" in lines[KEYS.index("dread")]
    assert not (data_dir / "journal.sqlite3").exists()  # listing the questions opens nothing


def test_checkin_application_and_report_round_trip(data_dir: Path) -> None:
    assert rut("checkin", "--date", "2026-10-01", *answers(4, dread=2)).stdout == "1\n"
    assert rut("checkin", "--date", "2026-11-02", *answers(2), "--note", "flat month").stdout == "2\n"
    again = rut("checkin", "--date", "2026-11-02", *answers(3, dread=3), "--note", "not so bad")
    assert again.stdout == "2\n"  # same day: replaced
    assert rut("application", "add", "Acme", "Senior Analyst").stdout == "1\n"
    assert rut("application", "add", "Globex", "Lead", "--stage", "interview").stdout == "2\n"
    report = json.loads(rut("report", "crossroads", "--json").stdout)
    by_key = {s["key"]: s for s in report["signals"]}
    assert by_key["checkin"]["value"] == "3 / 5 (−1 since Thu 1 Oct 2026)"
    assert (by_key["checkin"]["direction"], by_key["checkin"]["number"]) == ("worse", 3.0)
    assert by_key["room"]["value"] == "3 / 5 (was 4 on Thu 1 Oct 2026)"
    assert all(s["why"] for s in report["signals"])
    # no entry with a mood yet and no strong signal: too early to say, and what it needs
    assert report["verdict"]["verdict"] == "too_early"
    assert report["verdict"]["rule"].startswith("too early")
    assert report["verdict"]["needs"] == ["14 days of entries with a mood"]
    assert report["evidence"] == {"mood_days": 0, "checkins": 2}
    assert report["applications"]["idea"] == 1 and report["applications"]["interview"] == 1
    text = rut("report", "crossroads").stdout
    assert (
        "Check-in score: 3 / 5" in text and "Verdict: TOO EARLY TO SAY" in text and "Rule: too early" in text
    )
    assert "Job search: 1 idea, 1 at interview." in text


def test_with_no_conversation_held_the_report_says_to_make_a_good_faith_effort(data_dir: Path) -> None:
    assert rut("checkin", *answers(1, dread=5)).returncode == 0  # room 1, options 1: two strong signals
    text = rut("report", "crossroads").stdout
    assert "Verdict: PUSH" in text
    assert "Before leaving, make a good-faith effort" in text


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (
            ("checkin", "room=3", "energy=2"),
            "missing: options, learning, dread, followups, recognition, recommend",
        ),
        (("checkin", *answers(3, energy=6)), "energy"),
        (("checkin", *answers(3), "mojo=3"), "mojo"),
        (("checkin", *answers(3), "--date", "2026-13-01"), "2026-13-01"),
        (("checkin", "room"), "room"),
        (("application", "add", "Acme", "Analyst", "--stage", "ghosted"), "stage"),
        (("application", "add", " ", "Analyst"), "company"),
    ],
)
def test_bad_values_exit_2_with_one_line_and_write_nothing(
    data_dir: Path, args: tuple[str, ...], named: str
) -> None:
    done = rut(*args)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert named in done.stderr
    assert not (data_dir / "journal.sqlite3").exists()  # refused before the journal was even opened


def test_reading_commands_import_no_orm_and_no_qt(data_dir: Path) -> None:
    assert rut("checkin", *answers(3)).returncode == 0
    assert heavy_imports(
        ["report", "crossroads"], ["report", "crossroads", "--json"], ["checkin", "--questions"]
    ) == [[0], [0], [0]]


def test_checkin_list_shows_every_check_in_with_its_answers_and_note(data_dir: Path) -> None:
    assert rut("checkin", "--list").stdout == (
        "No check-in yet: rutjournal checkin --questions lists the questions.\n"
    )
    assert rut("checkin", "--list", "--json").stdout == "[]\n"
    assert not (data_dir / "journal.sqlite3").exists()  # a look-up makes no journal
    assert (
        rut("checkin", "--date", "2026-10-01", *answers(4, dread=2), "--note", "good month").returncode == 0
    )
    assert rut("checkin", "--date", "2026-11-02", *answers(3, room=2, dread=3)).returncode == 0
    listed = rut("checkin", "--list")
    assert listed.returncode == 0
    assert listed.stdout == (
        "Mon 2 Nov 2026   score 2.9 / 5\n"
        "  room=2 options=3 learning=3 dread=3 followups=3 recognition=3 energy=3 recommend=3\n"
        "\n"
        "Thu 1 Oct 2026   score 4 / 5\n"
        "  room=4 options=4 learning=4 dread=2 followups=4 recognition=4 energy=4 recommend=4\n"
        "  note: good month\n"
    )
    found = json.loads(rut("checkin", "--list", "--json").stdout)
    assert [(c["day"], c["score"], c["note"]) for c in found] == [
        ("2026-11-02", 2.9, ""),  # 2.875, rounded as shown
        ("2026-10-01", 4.0, "good month"),
    ]
    assert list(found[1]["answers"]) == KEYS and found[1]["answers"]["dread"] == 2


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("checkin", "--list", "room=3"), "--list"),
        (("checkin", "--list", "--note", "x"), "--list"),
        (("checkin", "--questions", "--list"), "--questions"),
        (("checkin", "--json", *answers(3)), "--json"),
    ],
)
def test_list_and_json_refuse_what_does_not_go_with_them(
    data_dir: Path, args: tuple[str, ...], named: str
) -> None:
    done = rut(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and named in done.stderr
    assert not (data_dir / "journal.sqlite3").exists()


def test_the_report_rounds_hours_and_keeps_one_unit(data_dir: Path) -> None:
    assert rut("task", "add", "Forecast", "--hours", "28.8667").returncode == 0
    assert rut("task", "add", "Weekly export", "--hours", "45m").returncode == 0
    assert rut("task", "decide", "2", "automate").returncode == 0
    assert rut("task", "done", "2").returncode == 0
    text = rut("report", "crossroads").stdout
    assert (
        "Hours freed vs on your plate: 0.8 h/week freed, 28.9 h/week still on your plate [a good sign]"
        in text
    )
    assert "min/week" not in text and "28.86" not in text
    hours = {s["key"]: s for s in json.loads(rut("report", "crossroads", "--json").stdout)["signals"]}[
        "hours"
    ]
    assert (hours["number"], hours["level"], hours["reading"]) == (0.8, True, "a good sign")


def test_the_questions_as_json(data_dir: Path) -> None:
    found = json.loads(rut("checkin", "--questions", "--json").stdout)
    assert [q["key"] for q in found] == KEYS
    assert [q["key"] for q in found if q["reverse"]] == ["dread"]


def test_the_report_names_the_steps_with_their_signals(db, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    today = dt.date.today()
    with db.reader() as conn:  # a month of 11-hour days at load 5, bored: challenge 1
        conn.executemany(
            "INSERT INTO entries (day, body, mood, energy, challenge, hours, load, created_at, updated_at) "
            "VALUES (?, '', 3, 3, 1, 11, 5, 'x', 'x')",
            [((today - dt.timedelta(days=i)).isoformat(),) for i in range(30)],
        )
    assert rut("checkin", *answers(3)).returncode == 0
    assert rut("task", "add", "Office admin", "--hours", "10", "--in-jd", "no").returncode == 0
    assert rut("task", "add", "Forecast", "--hours", "30", "--in-jd", "yes").returncode == 0
    assert rut("task", "decide", "1", "delegate", "--to", "Sam").returncode == 0

    report = json.loads(rut("report", "crossroads", "--json").stdout)
    assert report["verdict"]["verdict"] == "push"
    assert report["verdict"]["headline"] == "Push — lighten your load first, then find new challenges."
    assert [(s["key"], s["section"]) for s in report["steps"]] == [("load", "load"), ("challenge", "grow")]
    load = report["steps"][0]
    assert [s["key"] for s in load["signals"]] == ["hours_worked", "load_level", "outside_jd"]
    assert [s["number"] for s in load["signals"]] == [55.0, 5.0, 25.0]  # 10 of 40 h outside the description
    assert load["reasons"][2].startswith("Outside your job description: 25 % of the 40 h/week on your plate")
    assert load["action"].startswith("Your pending decisions would free 10 h/week")
    assert report["verdict"]["since"] == (today - dt.timedelta(days=30)).isoformat()
    assert report["verdict"]["changes"][0].endswith(
        "now it is push (lighten your load, find new challenges)."
    )
    by_key = {s["key"]: s for s in report["signals"]}
    assert by_key["challenge_level"]["rules"] == [
        "Find new challenges: a 30-day challenge of 2 or less calls for new challenges; once it counts, it "
        "counts until it is back at 2.3 or more."
    ]

    text = rut("report", "crossroads").stdout
    assert "Verdict: PUSH — lighten your load first, then find new challenges." in text
    assert "  1. Lighten your load, in Load (rutjournal report load):" in text
    assert "  2. Find new challenges, in Grow (rutjournal report grow):" in text
    assert "     → Your pending decisions would free 10 h/week" in text
    assert "Since the last reading:\n  - On " in text
