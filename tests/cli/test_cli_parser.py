"""The command line imports only the section its command needs; each section adds exactly the commands and
reports the parser says it does, so no command is ever missing from a lazily built parser."""

from __future__ import annotations

import argparse

import pytest

from rutjournal.cli.main import SECTIONS, UsageError, build_parser, parse_args, section_module, sections_for


def _choices(parser: argparse.ArgumentParser, dest: str) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and action.dest == dest:
            return set(action.choices)
    return set()


@pytest.mark.parametrize("name", list(SECTIONS))
def test_each_section_adds_what_the_parser_says(name: str) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    report = sub.add_parser("report")
    reports = report.add_subparsers(dest="report_command")
    module = section_module(name)
    module.add_parsers(sub, argparse.ArgumentParser(add_help=False), reports)
    commands, report_names = SECTIONS[name]
    assert set(sub.choices) - {"report"} == set(commands) == set(module.COMMANDS)
    assert set(reports.choices) == set(report_names) == set(module.REPORTS)


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        ([], []),
        (["--demo"], []),
        (["add", "a", "line", "--mood", "3"], ["journal"]),
        (["--data-dir", "task", "show", "today"], ["journal"]),  # a folder named like a command is a folder
        (["task", "add", "Status report"], ["load"]),
        (["--data-dir", "/tmp/x", "report", "load"], ["load"]),
        (["report", "--data-dir", "/tmp/x", "promotion-case", "--out", "x.md"], ["reports"]),
        (["checkin", "--list"], ["crossroads"]),
        (["report"], list(SECTIONS)),
        (["--help"], list(SECTIONS)),
        (["nonsense"], list(SECTIONS)),
    ],
)
def test_a_command_line_builds_only_the_sections_it_needs(argv: list[str], wanted: list[str]) -> None:
    assert sections_for(argv) == wanted


def test_every_command_and_report_parses_as_in_the_full_parser() -> None:
    full = build_parser()
    every = _choices(full, "command")
    assert every == {"report"} | {c for cs, _ in SECTIONS.values() for c in cs}
    assert parse_args(["task", "list"]).task_command == "list"
    assert parse_args(["report", "crossroads", "--json"]).report_command == "crossroads"


def test_an_unknown_command_is_refused_naming_the_real_ones() -> None:
    with pytest.raises(UsageError, match=r"invalid choice: 'nonsense'.*checkin"):
        parse_args(["nonsense"])
