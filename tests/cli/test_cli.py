"""The command line as a user runs it: output, exit statuses, one-line errors, and no Qt imports."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rutjournal import __version__
from rutjournal.core.paths import DATABASE_NAME, resolve_paths
from rutjournal.core.values import Scores
from tests.rut import heavy_imports, rut, rut_process


def ok(*args: str, stdin: str = "") -> str:
    result = rut(*args, stdin=stdin)
    assert (result.returncode, result.stderr) == (0, ""), result
    return result.stdout


@pytest.fixture
def seeded(journal_with: Callable[..., Path]) -> Path:
    """A current database with two entries, closed again."""
    return journal_with(
        entries=[
            (dt.date(2026, 3, 1), "The quick brown fox; talked about my promotion", Scores(mood=4), ["work"]),
            (dt.date(2026, 3, 2), "brown and quick, I was promoted!", Scores(), ["#Team Meeting"]),
        ]
    )


def snapshot(path: Path) -> list[object]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("entries", "tags", "entry_tags", "entry_search")
        ]
    finally:
        conn.close()


def test_version() -> None:
    assert ok("--version") == f"rutjournal {__version__}\n"


def test_add_says_what_it_did_and_appends_on_the_same_day(data_dir: Path) -> None:
    assert ok("add", "--date", "2026-03-01", "first", "words") == "added to 2026-03-01 (entry 1, new)\n"
    assert ok("add", "--date", "2026-03-01", "second") == "added to 2026-03-01 (entry 1)\n"
    assert ok("add", "--date", "2026-03-02", "other day") == "added to 2026-03-02 (entry 2, new)\n"
    assert (data_dir / DATABASE_NAME).exists()
    shown = json.loads(ok("show", "2026-03-01", "--json"))
    assert shown["text"] == "first words\n\nsecond"


def test_add_names_every_score_it_replaced() -> None:
    ok("add", "--date", "2026-03-01", "--mood", "4", "--hours", "8", "first")
    said = ok("add", "--date", "2026-03-01", "--mood", "2", "--hours", "8", "--energy", "3", "second")
    assert (
        said == "added to 2026-03-01 (entry 1); mood 4 replaced by 2\n"
    )  # energy was blank: nothing replaced


def test_a_day_ahead_of_today_is_said_to_be(data_dir: Path) -> None:
    ahead = dt.date.today() + dt.timedelta(days=10)
    said = ok("add", "--date", ahead.isoformat(), "planned")
    assert said == f"added to {ahead.isoformat()} (entry 1, new), a day ahead of today (10 days)\n"


def test_show_yesterday_is_the_day_before_today() -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    ok("add", "--date", yesterday.isoformat(), "what happened")
    assert json.loads(ok("show", "yesterday", "--json"))["text"] == "what happened"
    assert ok("show", "yesterday").startswith(yesterday.isoformat())


def test_add_every_score_and_tag_as_json() -> None:
    out = ok(
        "add",
        "--date",
        "2026-03-01",
        "--mood",
        "1",
        "--energy",
        "2",
        "--challenge",
        "3",
        "--load",
        "4",
        "--hours",
        "7.5",
        "--tag",
        "#Team Meeting",
        "--tag",
        "work",
        "--tag",
        "WORK",
        "--json",
        "Hello",
        "world",
    )
    entry = json.loads(out)
    assert {k: v for k, v in entry.items() if k not in ("created_at", "updated_at")} == {
        "id": 1,
        "date": "2026-03-01",
        "text": "Hello world",
        "mood": 1,
        "energy": 2,
        "challenge": 3,
        "load": 4,
        "hours": 7.5,
        "tags": ["team-meeting", "work"],
    }
    assert entry["created_at"].endswith("Z") and dt.datetime.fromisoformat(entry["created_at"][:-1])
    merged = json.loads(ok("add", "--date", "2026-03-01", "--mood", "5", "--tag", "new", "--json"))
    assert (merged["text"], merged["mood"], merged["energy"]) == ("Hello world", 5, 2)
    assert merged["tags"] == ["new", "team-meeting", "work"]
    assert json.loads(ok("show", "2026-03-01", "--json")) == merged


def test_add_without_a_date_writes_today() -> None:
    ok("add", "--energy", "3")
    assert json.loads(ok("show", "today", "--json"))["date"] == dt.date.today().isoformat()


def test_add_reads_text_from_stdin() -> None:
    text = "line one 🙂\nשלום עולם\n\n  indented\n"
    entry = json.loads(ok("add", "--date", "2026-03-02", "--json", "-", stdin=text))
    assert entry["text"] == "line one 🙂\nשלום עולם\n\n  indented"
    assert json.loads(ok("show", "2026-03-02", "--json"))["text"] == entry["text"]


def test_show_human_and_json(data_dir: Path) -> None:
    ok(
        "add",
        "--date",
        "2026-03-01",
        "--mood",
        "4",
        "--hours",
        "7.5",
        "--tag",
        "b",
        "--tag",
        "a",
        "Body",
        "text",
    )
    assert ok("show", "2026-03-01").splitlines() == [
        "2026-03-01 (Sunday)  mood 4 · energy – · challenge – · hours 7.5 · load –",
        "tags: #a #b",
        "",
        "Body text",
    ]
    shown = json.loads(ok("show", "2026-03-01", "--json"))
    assert (shown["id"], shown["text"], shown["mood"], shown["energy"]) == (1, "Body text", 4, None)
    assert ok("show", "2026-03-05") == "No entry on 2026-03-05.\n"
    assert ok("show", "2026-03-05", "--json") == "null\n"


def test_show_without_a_database_creates_nothing(data_dir: Path) -> None:
    assert ok("show", "2026-03-05", "--json") == "null\n"
    assert ok("show", "2026-03-05") == "No entry on 2026-03-05.\n"
    assert not (data_dir / DATABASE_NAME).exists()


def test_search_human_and_json(seeded: Path) -> None:
    assert ok("search", "fox").splitlines() == [
        "2026-03-01  The quick brown [fox]; talked about my promotion"
    ]
    phrase = json.loads(ok("search", "--json", '"quick brown"'))
    assert phrase == [
        {"date": "2026-03-01", "snippet": "The quick brown fox; talked about my promotion", "mood": 4}
    ]
    assert [hit["date"] for hit in json.loads(ok("search", "--json", "promot*"))] == [
        "2026-03-02",
        "2026-03-01",
    ]
    assert [hit["date"] for hit in json.loads(ok("search", "--json", "#team"))] == ["2026-03-02"]
    assert [hit["date"] for hit in json.loads(ok("search", "--json", "quick", "brown"))] == [
        "2026-03-02",
        "2026-03-01",
    ]
    assert ok("search", "nothing-like-this") == "No entries match.\n"
    assert ok("search", "--json", "zebra") == "[]\n"


def test_search_without_a_database(data_dir: Path) -> None:
    assert ok("search", "anything") == "No entries match.\n"
    assert not (data_dir / DATABASE_NAME).exists()


@pytest.mark.parametrize("before", [True, False])
def test_data_dir_option_overrides_the_environment(tmp_path: Path, data_dir: Path, before: bool) -> None:
    other = tmp_path / "elsewhere"
    args = ["--data-dir", str(other), "add"] if before else ["add", "--data-dir", str(other)]
    assert ok(*args, "--date", "2026-03-01", "moved") == "added to 2026-03-01 (entry 1, new)\n"
    assert (other / DATABASE_NAME).exists()
    assert not (data_dir / DATABASE_NAME).exists()
    assert json.loads(ok("show", "--data-dir", str(other), "2026-03-01", "--json"))["text"] == "moved"
    assert ok("show", "2026-03-01", "--json") == "null\n"


BAD_INPUT = [
    (["add", "--mood", "7", "x"], "rutjournal add: mood: "),
    (["add", "--mood", "0", "x"], "rutjournal add: mood: "),
    (["add", "--energy", "five", "x"], "rutjournal add: energy: "),
    (["add", "--date", "2026-02-30", "x"], "rutjournal add: date: "),
    (["add", "--hours", "-1", "x"], "rutjournal add: hours: "),
    (["add", "--hours", "25", "x"], "rutjournal add: hours: "),
    (["add", "--hours", "7.25", "x"], "rutjournal add: hours: "),
    (["add", "--tag", "t" * 65, "x"], "rutjournal add: tag: "),
    (["add"], "rutjournal add: TEXT: "),
    (["show", "2026-02-30"], "rutjournal show: date: "),
    (["frob"], "rutjournal: argument COMMAND: invalid choice: 'frob'"),
    (["search", '"unbalanced'], 'rutjournal search: Could not understand the search “"unbalanced”.'),
    (["search", "(a", "OR"], "rutjournal search: Could not understand the search “(a OR”."),
    (["search", "--limit", "0", "x"], "rutjournal search: --limit: "),
]


@pytest.mark.parametrize(("args", "start"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    seeded: Path, args: list[str], start: str
) -> None:
    before = snapshot(seeded)
    result = rut(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(start)
    assert snapshot(seeded) == before


@pytest.mark.parametrize("args", [["add", "--mood", "7", "x"], ["add", "--date", "2026-02-30", "x"], ["add"]])
def test_bad_input_creates_no_database(data_dir: Path, args: list[str]) -> None:
    assert rut(*args).returncode == 2
    assert not (data_dir / DATABASE_NAME).exists()


def test_unparsable_search_is_an_error_even_without_a_database(data_dir: Path) -> None:
    result = rut("search", '"unbalanced')
    assert result.returncode == 2
    assert result.stderr.startswith("rutjournal search: Could not understand")


def test_add_with_only_a_blank_tag_is_rejected_and_writes_no_entry(seeded: Path) -> None:
    before = snapshot(seeded)
    result = rut("add", "--date", "2026-04-01", "--tag", "#")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("rutjournal add: TEXT: ")
    assert snapshot(seeded) == before


@pytest.mark.parametrize("command", [["add", "text"], ["show", "today"], ["search", "text"]])
def test_corrupt_database_is_refused_and_left_alone(data_dir: Path, command: list[str]) -> None:
    data_dir.mkdir(parents=True)
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"hello")
    result = rut(*command)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    log_file = resolve_paths().log_file
    assert str(database) in lines[0]
    assert str(log_file) in lines[0]
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == b"hello"
    assert sorted(p.name for p in data_dir.iterdir() if not p.name.endswith(".lock")) == [DATABASE_NAME]
    assert f"{command[0]} failed" in log_file.read_text(encoding="utf-8")


def test_a_real_process_exits_with_the_status_main_returns(data_dir: Path) -> None:
    """A process: the status the shell sees (0, 2, 1), and the one line on its stderr."""
    version = rut_process("--version")
    assert (version.returncode, version.stdout, version.stderr) == (0, f"rutjournal {__version__}\n", "")
    done = rut_process("add", "--mood", "7", "x")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("rutjournal add: mood: ") and len(done.stderr.splitlines()) == 1
    data_dir.mkdir(parents=True)
    (data_dir / DATABASE_NAME).write_bytes(b"hello")
    failed = rut_process("show", "today")
    assert (failed.returncode, failed.stdout) == (1, "")
    assert str(data_dir / DATABASE_NAME) in failed.stderr and "Traceback" not in failed.stderr


def test_add_show_search_do_not_import_qt_or_matplotlib(data_dir: Path) -> None:
    # writing needs no ORM either; reading neither; a current database: bare sqlite3, no SQLAlchemy
    assert heavy_imports(
        ["add", "--date", "2026-03-01", "--mood", "3", "words"], ["show", "2026-03-01"], ["search", "words"]
    ) == [[0], [0], [0]]


def test_search_without_a_database_imports_nothing_heavy() -> None:
    assert heavy_imports(["search", "words"]) == [[0]]
