"""The everyday commands import only what they use (issue 13: a command near the speed of SQLite).

Each of these modules costs a command a large share of the time Python itself takes to start; each is wanted
only when something rarer happens: ``logging`` when a record is written, ``platformdirs`` when the data folder
is not given or a setting is read, ``json`` for ``--json``, ``dataclasses`` nowhere on these paths (the records
they read and write are ``NamedTuple``\\ s), ``shutil`` and ``tempfile`` for copies and scratch files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rut import heavy_imports, rut

LEAN = (
    "logging",
    "platformdirs",
    "json",
    "dataclasses",
    "shutil",
    "tempfile",
    "threading",  # the cipher's lock is _thread's own (threading.Lock is it): threading cost 3.8 M instructions
    "rutjournal.core.settings",
    "pycrdt",  # sync's engine and its cipher: only `rutjournal sync` imports them
    "cryptography",
)


@pytest.mark.parametrize("settings", [None, '{\n  "language": "en",\n  "theme": "dark"\n}\n'])
def test_everyday_commands_import_none_of_the_costly_modules(data_dir: Path, settings: str | None) -> None:
    if settings is not None:  # the language is read from it, by every command, without json or core.settings
        from rutjournal.core.paths import settings_path

        settings_path().parent.mkdir(parents=True, exist_ok=True)
        settings_path().write_text(settings, encoding="utf-8")
    assert rut("add", "--date", "2026-03-01", "--mood", "3", "First words").returncode == 0
    assert rut("task", "add", "Reports", "--hours", "1").returncode == 0  # the journal exists: no first run
    commands = [
        ["add", "More words"],
        ["show", "2026-03-01"],
        ["search", "words"],
        ["task", "add", "Team sync", "--hours", "0.5"],
        ["task", "list"],
        ["report", "load"],
    ]
    assert heavy_imports(*commands, heavy=LEAN) == [[0]] * len(commands)


def test_the_costly_modules_still_come_when_they_are_wanted(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rut("add", "--date", "2026-03-01", "First words").returncode == 0
    assert heavy_imports(["show", "2026-03-01", "--json"], heavy=LEAN) == [[0, "json"]]
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "journal.sqlite3").write_bytes(b"not a journal" * 100)
    ((status, *found),) = heavy_imports(["--data-dir", str(damaged), "show", "2026-03-01"], heavy=LEAN)
    assert status == 1 and "logging" in found  # the failure is written to the log
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")  # the folder is platformdirs' (under this test's XDG folders)
    ((status, *found),) = heavy_imports(["show", "2026-03-01"], heavy=LEAN)
    assert status == 0 and "platformdirs" in found


def test_showing_a_day_loads_nothing_only_a_save_uses(data_dir: Path) -> None:
    assert rut("add", "--date", "2026-03-01", "First words").returncode == 0
    saving = (
        "rutjournal.core.journal.writes",
        "rutjournal.core.journal.entry_merge",
        "rutjournal.core.journal.tags",
    )
    assert heavy_imports(["show", "2026-03-01"], heavy=saving) == [[0]]
    assert heavy_imports(["add", "More"], heavy=saving) == [
        [0, "rutjournal.core.journal.writes", "rutjournal.core.journal.entry_merge"]
    ]


def test_the_load_records_are_typed_with_real_types_not_text() -> None:
    """typing.NamedTuple compiles every field's annotation given as text (``from __future__ import
    annotations``): 3.5 M instructions for these records, on every Load command."""
    from typing import ForwardRef

    from rutjournal.core.load import brain_dump, delegability, rules, store

    records = (
        brain_dump.ParsedTask,
        brain_dump.Rejected,
        brain_dump.BrainDump,
        delegability.TaskFacts,
        delegability.Delegability,
        rules.TaskView,
        rules.TaskLine,
        rules.LoadSummary,
        store.TaskRow,
        store.TaskEventRow,
        store.DeletedTask,
    )
    for record in records:
        written = record.__annotations__
        assert written and not [n for n, t in written.items() if isinstance(t, str | ForwardRef)], record


def test_the_load_commands_import_what_they_print_or_check_only(data_dir: Path) -> None:
    """core.values (its patterns and records) for an id or a number typed, load.words for a list or a report."""
    only_typed = ("rutjournal.core.values", "rutjournal.core.load.words")
    assert heavy_imports(["task", "add", "Reports", "--hours", "1"], heavy=only_typed) == [[0]]
    assert heavy_imports(["task", "list"], ["report", "load"], heavy=only_typed) == [
        [0, "rutjournal.core.load.words"],
        [0],
    ]
    assert heavy_imports(["task", "decide", "1", "keep"], heavy=only_typed) == [[0, "rutjournal.core.values"]]
    assert heavy_imports(["task", "add", "Team sync", "--enjoy", "1"], heavy=only_typed) == [
        [0, "rutjournal.core.values"]
    ]


def test_the_list_and_the_report_read_only_the_lines_they_show(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole TaskView is four cells more a task, and a Delegability with its facts: thousands of tasks read
    for every list and report. Only their JSON gives every field."""
    from rutjournal.core.load.service import Load

    rut("task", "add", "Weekly status report, 2h")
    whole = Load.tasks
    monkeypatch.setattr(Load, "tasks", lambda *a, **k: pytest.fail("a list or a report read every field"))
    assert rut("task", "list").returncode == 0
    assert rut("task", "list", "--decision", "undecided").returncode == 0
    assert rut("report", "load").returncode == 0
    monkeypatch.setattr(Load, "tasks", whole)
    assert rut("task", "list", "--json").returncode == rut("report", "load", "--json").returncode == 0


def test_the_program_leaves_its_objects_to_the_process_at_exit(tmp_path: Path) -> None:
    """``console`` (the ``rutjournal`` program) pauses the cycle collector while it starts and lets it run again
    for the command's own work, having frozen what the start made; once it has answered it freezes what it
    made, so the interpreter's exit does not walk every object for cycles. ``main``, which the tests call
    in-process, pauses and freezes nothing."""
    import subprocess
    import sys

    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "from rutjournal.__main__ import console, main\n"
        "import rutjournal.cli.main as cli, rutjournal.cli.journal as journal\n"
        "tell, show = cli._tell_what_happened_before, journal.COMMANDS['show']\n"
        "def telling(paths): print('start collects', gc.isenabled()); tell(paths)\n"
        "def showing(args, paths):\n"
        "    print('work collects', gc.isenabled(), gc.get_freeze_count() > 0); return show(args, paths)\n"
        "cli._tell_what_happened_before, journal.COMMANDS['show'] = telling, showing\n"
        f"sys.argv = ['rutjournal', '--data-dir', {str(tmp_path)!r}, 'show', 'today']\n"
        "main(sys.argv[1:]); print('after main', gc.get_freeze_count() > 0)\n"
        "console()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    lines = [
        line for line in done.stdout.splitlines() if line.startswith(("start", "work", "after", "frozen"))
    ]
    assert lines == [
        "start collects True",
        "work collects True False",
        "after main False",
        "start collects False",
        "work collects True True",
        "frozen True",
    ], done
    assert done.returncode == 0
