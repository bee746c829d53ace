"""Under a pseudo-translation every word a command prints has come through the catalog.

``i18n.use_pseudo()`` wraps every catalog string in ⟦ ⟧. Each command's help, its output on the demo journal
and its errors are read line by line; a word of English outside the markers (and outside what the journal
holds) was never marked for translation, and the failure names the command and the line. ``--json`` output is
the other way round: it must hold no marker at all (keys and values stay language-neutral).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rutjournal.cli.main import build_parser
from rutjournal.core import i18n
from tests.pseudo import JournalText, pseudo_demo, unmarked
from tests.rut import rut

# Words of a help text that are the command line's own (typed as they are): options, metavars, choices.
_TYPED = (
    r"(?:--?[\w-]+|\b[A-Z][A-Z_]+\b|\{[^{}]*\}|\b[a-z]+(?:[-_][a-z]+)+\b|\b\w+=\w*"
    r"|\b[a-z_-]+(?:\s?[|,/]\s?[a-z_-]+)+\b)"  # choices: yes|partly|no, tasks,goals, skill / experience
)


def commands(parser: argparse.ArgumentParser, path: list[str]) -> Iterator[list[str]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield [*path, name]
                yield from commands(sub, [*path, name])


def problems(journal: JournalText, said: str, label: str, typed: frozenset[str] = frozenset()) -> list[str]:
    """The lines of ``said`` holding a word outside the markers (a marked sentence may wrap over lines)."""
    import re

    text = said
    while (stripped := re.sub(r"⟦[^⟦⟧]*⟧", " ", text)) != text:
        text = stripped
    found = []
    for line in text.splitlines():
        rest = re.sub(_TYPED, " ", journal.without_data(line))
        left = [word for word in unmarked(rest, journal.words) if word.lower() not in typed]
        found += journal.problem(label, line, left)
    return found


@pytest.fixture
def journal(data_dir: Path) -> JournalText:
    database = pseudo_demo(data_dir)
    i18n.use_pseudo()
    return JournalText(database, str(data_dir))


def test_every_command_help(journal: JournalText) -> None:
    every = [[], *commands(build_parser(None), [])]
    names = frozenset(word for path in every for word in path) | {"rutjournal", "usage", "options"}
    found: list[str] = []
    for path in every:
        ran = rut(*path, "--help")
        assert ran.returncode == 0, (path, ran.stderr)
        found += problems(journal, ran.stdout, "rutjournal " + " ".join(path) + " --help", names)
    assert not found, f"{len(found)} lines:\n" + "\n".join(found[:150])


def test_every_report_and_listing(journal: JournalText) -> None:
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    runs = [
        ["show", yesterday],
        ["search", "lorem"],
        ["search", "#meeting"],
        ["task", "list"],
        ["goal", "list"],
        ["conversation", "list"],
        ["followup", "list"],
        ["promotion", "list"],
        ["checkin", "--list"],
        ["checkin", "--questions"],
        ["plot", "--list"],
        ["backups"],
        *(["report", name] for name in ("load", "grow", "promotion-case", "brief", "trends", "crossroads")),
        ["add", "--mood", "9", "x"],  # bad input: the error
        ["search", "AND"],  # a search that cannot be read
        ["task", "decide", "999", "delegate"],
    ]
    from rutjournal.render.plots import TITLES

    typed = frozenset(TITLES)  # the plots' names, typed as they are
    found: list[str] = []
    for words in runs:
        ran = rut(*words)
        found += problems(
            journal, ran.stdout + ran.stderr, "rutjournal " + " ".join(words), typed | set(words)
        )
    assert not found, f"{len(found)} lines:\n" + "\n".join(found[:150])


CODES = {
    "direction",
    "status",
    "kind",
    "decision",
    "outcome",
    "role",
    "owner",
    "answer",
    "verdict",
    "key",
    "step",
}


def test_json_keys_and_codes_stay_english(journal: JournalText) -> None:
    """Keys and stored codes are never translated; only a sentence meant for a person may be."""

    def codes(value: object) -> Iterator[str]:
        if isinstance(value, dict):
            for key, inner in value.items():
                yield key
                if key in CODES and isinstance(inner, str):
                    yield inner
                yield from codes(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from codes(inner)

    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    runs = (
        ["show", yesterday],
        ["task", "list"],
        ["report", "load"],
        ["report", "crossroads"],
        ["goal", "list"],
    )
    for words in runs:
        ran = rut(*words, "--json")
        assert ran.returncode == 0, (words, ran.stderr)
        translated = [code for code in codes(json.loads(ran.stdout)) if i18n.PSEUDO_OPEN in code]
        assert not translated, (words, translated[:5])


def test_written_reports(journal: JournalText, tmp_path: Path) -> None:
    """The Markdown export and the reports written to files speak through the catalog too."""
    assert (
        rut("export", "--format", "markdown", "--out", str(tmp_path / "md"), "--include", "all").returncode
        == 0
    )
    found: list[str] = []
    for file in sorted((tmp_path / "md").rglob("*.md")):
        found += problems(journal, file.read_text(encoding="utf-8"), f"export markdown: {file.name}")
    for report in ("promotion-case", "brief"):
        out = tmp_path / f"{report}.md"
        ran = rut("report", report, "--out", str(out))
        assert ran.returncode == 0, ran.stderr
        found += problems(journal, out.read_text(encoding="utf-8"), f"report {report} --out")
    assert not found, f"{len(found)} lines:\n" + "\n".join(found[:150])
