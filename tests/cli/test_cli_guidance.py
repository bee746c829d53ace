"""`rutjournal conversation|followup|promotion …` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rut import heavy_imports, rut


def test_conversations_followups_and_promotions_round_trip(data_dir: Path) -> None:
    held = rut(
        "conversation", "add", "--date", "2026-05-01", "--with", "Dana", "--role", "skip-level", "--held"
    )
    assert held.stdout == "1\n", held.stderr
    planned = ("conversation", "add", "--date", "2099-01-04", "--with", "Kim", "--role", "hr")
    assert rut(*planned, "--notes", "ask about the programme").stdout == "2\n"
    assert (
        rut("followup", "add", "1", "Send", "the", "budget", "--owner", "them", "--due", "2026-01-02").stdout
        == "1\n"
    )
    assert rut("followup", "add", "2", "Draft my case", "--owner", "me").stdout == "2\n"
    assert rut("followup", "add", "1", "Book the room", "--owner", "me").stdout == "3\n"
    assert rut("followup", "done", "3").returncode == 0
    conversations = json.loads(rut("conversation", "list", "--json").stdout)
    assert [(c["id"], c["with"], c["role"], c["held"], c["notes"]) for c in conversations] == [
        (2, "Kim", "hr", False, "ask about the programme"),
        (1, "Dana", "skip_level", True, ""),
    ]
    assert conversations[0]["agenda"].startswith("- ")  # prefilled: no target yet, so the option questions
    assert [(f["text"], f["owner"], f["overdue"]) for f in conversations[1]["followups"]] == [
        ("Send the budget", "them", True),
        ("Book the room", "me", False),
    ]
    assert conversations[1]["followups"][1]["done_on"] is not None
    followups = json.loads(rut("followup", "list", "--json").stdout)
    assert [(f["id"], f["with"], f["overdue"]) for f in followups] == [(1, "Dana", True), (2, "Kim", False)]
    text = rut("followup", "list").stdout
    assert "OVERDUE due Fri 2 Jan 2026  Dana owes: Send the budget" in text and "I owe: Draft my case" in text
    listed = rut("conversation", "list").stdout
    assert "   2  Sun 4 Jan 2099  Kim (HR), planned · 0 options · 1 open follow-up\n" in listed
    assert "   1  Fri 1 May 2026  Dana (Skip-level), held · 0 options · 1 open follow-up\n" in listed
    refused = ("promotion", "add", "--date", "2026-03-01", "--outcome", "refused", "--reason", "No budget")
    assert rut(*refused, "--role", "Senior Analyst").stdout == "1\n"
    assert rut("promotion", "add", "--date", "2026-05-01", "--outcome", "pending").stdout == "2\n"
    promotions = json.loads(rut("promotion", "list", "--json").stdout)
    assert [(p["id"], p["outcome"], p["reason"], p["role_title"]) for p in promotions] == [
        (2, "pending", None, None),
        (1, "refused", "No budget", "Senior Analyst"),
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("conversation", "add", "--with", "Dana", "--role", "friend"),
        ("conversation", "add", "--with", " ", "--role", "boss"),
        ("conversation", "add", "--with", "Dana", "--role", "boss", "--date", "2026-02-30"),
        ("conversation", "add", "--role", "boss"),
        ("followup", "add", "x", "Send it", "--owner", "me"),
        ("followup", "add", "1", "Send it", "--owner", "boss"),
        ("followup", "add", "1", "Send it", "--owner", "me", "--due", "soon"),
        ("followup", "done", "abc"),
        ("promotion", "add", "--outcome", "maybe"),
        ("promotion", "add", "--outcome", "refused", "--date", "yesterday"),
        ("promotion", "add", "--outcome", "granted", "--role", "x" * 201),
    ],
)
def test_bad_values_exit_2_with_one_line_and_write_nothing(data_dir: Path, args: tuple[str, ...]) -> None:
    done = rut(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (data_dir / "journal.sqlite3").exists()  # refused before the journal was even opened


def test_unknown_ids_exit_2_and_add_nothing(data_dir: Path) -> None:
    assert rut("conversation", "add", "--with", "Dana", "--role", "boss").returncode == 0
    for args in (("followup", "add", "9", "Send it", "--owner", "me"), ("followup", "done", "9")):
        done = rut(*args)
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1 and "must be the id of an existing" in done.stderr
    assert json.loads(rut("followup", "list", "--json").stdout) == []


def test_commands_import_no_orm_and_no_qt(data_dir: Path) -> None:
    """Reading and writing alike run on plain sqlite3: Guidance's store imports no SQLAlchemy."""
    assert rut("conversation", "add", "--with", "Dana", "--role", "boss").returncode == 0
    commands = [
        ["conversation", "list"],
        ["followup", "list"],
        ["promotion", "list", "--json"],
        ["conversation", "add", "--with", "Sam", "--role", "mentor", "--held"],
        ["followup", "add", "1", "Send the plan", "--owner", "me"],
        ["followup", "done", "1"],
        ["promotion", "add", "--outcome", "refused", "--reason", "budget"],
    ]
    assert heavy_imports(*commands) == [[0]] * len(commands)


def test_a_followup_noted_by_mistake_can_be_deleted(data_dir: Path) -> None:
    assert rut("conversation", "add", "--with", "Dana", "--role", "boss", "--held").returncode == 0
    assert rut("followup", "add", "1", "Wrong thing", "--owner", "me").stdout == "1\n"
    assert rut("followup", "add", "1", "Send the plan", "--owner", "me").stdout == "2\n"
    done = rut("followup", "delete", "1")
    assert (done.returncode, done.stdout) == (0, "1: deleted\n")
    assert [f["text"] for f in json.loads(rut("followup", "list", "--json").stdout)] == ["Send the plan"]
    again = rut("followup", "delete", "1")
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1


def test_a_pending_promotion_gets_its_answer(data_dir: Path) -> None:
    asked = rut("promotion", "add", "--date", "2026-10-01", "--outcome", "pending", "--role", "Lead")
    assert asked.stdout == "1\n"
    done = rut("promotion", "edit", "1", "--outcome", "refused", "--reason", "budget freeze")
    assert (done.returncode, done.stdout) == (0, "1: refused on Thu 1 Oct 2026\n")
    [promotion] = json.loads(rut("promotion", "list", "--json").stdout)
    assert (promotion["outcome"], promotion["reason"], promotion["role_title"]) == (
        "refused",
        "budget freeze",
        "Lead",
    )
    for bad in (["promotion", "edit", "1"], ["promotion", "edit", "1", "--outcome", "maybe"]):
        refused = rut(*bad)
        assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, bad
    assert json.loads(rut("promotion", "list", "--json").stdout)[0]["outcome"] == "refused"
