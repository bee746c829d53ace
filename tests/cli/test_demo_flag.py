"""`rutjournal --demo`: the window, or a command, on the demo journal in its own folder."""

from __future__ import annotations

import json

import pytest

from rutjournal.core.paths import demo_data_dir
from tests.rut import Ran, rut


def test_demo_without_a_command_opens_the_window_on_the_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    import rutjournal.ui.app as app

    calls: list[tuple[object, dict[str, object]]] = []
    monkeypatch.setattr(app, "run_gui", lambda data_dir=None, **kw: calls.append((data_dir, kw)) or 0)
    assert rut("--demo") == Ran(0, "", "")
    assert calls == [(None, {"demo": True, "reset_demo": False})]


def test_a_command_with_demo_reads_the_demo_journal() -> None:
    done = rut("--demo", "task", "list", "--json")
    assert done.returncode == 0, done
    assert len(json.loads(done.stdout)) == 15
    assert (demo_data_dir() / "journal.sqlite3").exists()


@pytest.mark.parametrize("argv", [["--demo", "--data-dir", "/tmp/x"], ["--reset-demo"]])
def test_demo_flags_that_do_not_go_together_are_refused(argv: list[str]) -> None:
    done = rut(*argv)
    assert done.returncode == 2
    assert "--demo" in done.stderr
