"""The window's start: what it leaves until a section is first shown, or until the window has shown, still
works when it is needed, with the data as it is then."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from rutjournal.core.journal.service import Journal
from rutjournal.core.paths import AppPaths
from rutjournal.core.values import Scores
from rutjournal.ui.shell.single_instance import SingleInstance

# Built only when the user goes to them: none of these may load before the window's first paint.
DEFERRED = (
    "rutjournal.ui.search.search_view",
    "rutjournal.ui.search.search_model",
    "rutjournal.core.journal.search",
    "rutjournal.ui.load.load_view",
    "rutjournal.ui.grow.grow_view",
    "rutjournal.ui.guidance.guidance_view",
    "rutjournal.ui.crossroads.crossroads_view",
    "rutjournal.ui.trends.trends_view",
    "rutjournal.ui.shell.shortcut_sheet",
    "rutjournal.core.journal.service",  # the journal's own modules load as it opens, after the first paint
    "rutjournal.core.storage.backups",
    "rutjournal.core.storage.integrity",
    "PySide6.QtNetwork",  # listening for a second start waits until the window has shown
    "sqlalchemy",
    # the standard library's costlier modules, wanted later or not at all by the window (issue 13):
    "sqlite3",  # with the journal, as it opens
    "dataclasses",
    "platformdirs",  # the log folder is looked up with the first record; a demo folder is told by its name
)
BUILD_WINDOW = """
import json, sys
from rutjournal.core.paths import resolve_paths
from rutjournal.ui.app import create_app
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.theme import styled_once
app = create_app()
with styled_once(app):
    window = MainWindow(resolve_paths(sys.argv[1]))
print(json.dumps([m for m in json.loads(sys.argv[2]) if m in sys.modules]))
"""


def test_the_window_is_built_without_the_modules_of_what_it_defers(data_dir: Path) -> None:
    # a fresh process: what is imported shows only there
    done = subprocess.run(
        [sys.executable, "-c", BUILD_WINDOW, str(data_dir), json.dumps(DEFERRED)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == []


def test_search_is_built_on_first_use_and_finds_what_was_written_before(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.pages.built_view("search") is None
    Journal(window.db).save(dt.date(2026, 3, 2), "A word about the quarterly roadmap.", Scores(), [])
    window.search_box.setText("roadmap")
    qtbot.waitUntil(lambda: window.current_section() == "search", timeout=3000)
    view = window.pages.built_view("search")
    assert view is not None and view.model.rowCount() == 1
    window.journal_view.editor.editor.setPlainText("The roadmap again, today.")  # the window's own save...
    window.journal_view.flush()
    assert view.model.rowCount() == 2  # ...is found at once


def test_search_built_before_a_reopen_reads_the_new_connection(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search_box.setText("nothing yet")
    qtbot.waitUntil(lambda: window.pages.built_view("search") is not None, timeout=3000)
    window.close_data(save=True)
    assert window.search_view.conn is None  # kept, not dropped: it holds no service of its own
    window.open_data()
    assert window.search_view.conn is window.search_conn is not None


def test_the_shortcut_sheet_opens_from_its_keys_without_being_loaded_first(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    window.findChild(QAction, "shortcutSheetAction").trigger()
    from rutjournal.ui.shell.shortcut_sheet import ShortcutSheet

    qtbot.waitUntil(lambda: window.findChild(ShortcutSheet) is not None, timeout=3000)
    assert window.findChild(ShortcutSheet).isVisible()


def test_the_sidebar_fits_its_titles_in_the_style_sheets_font(window) -> None:  # type: ignore[no-untyped-def]
    """The window is styled once built (theme.styled_once): the sidebar widens for the sheet's font then."""
    sidebar = window.sidebar
    metrics = sidebar.fontMetrics()
    longest = max(metrics.horizontalAdvance(sidebar.item(row).text()) for row in range(sidebar.count()))
    assert sidebar.font().pointSizeF() == 11.0  # app.qss
    assert sidebar.width() >= longest + 20 + 24 + 12


def test_a_second_start_finds_the_first_once_it_listens(paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The lock is taken before the window shows, the wake-up socket after: a start in between asks again."""
    from PySide6.QtNetwork import QLocalSocket

    paths.data_dir.mkdir(parents=True)
    first = SingleInstance(paths)
    assert first.acquire(listen=False)
    code = (
        "import sys; from rutjournal.core.paths import resolve_paths; "
        "from rutjournal.ui.shell.single_instance import SingleInstance; "
        "print(SingleInstance(resolve_paths(sys.argv[1])).wake_running(5000))"
    )
    second = subprocess.Popen(
        [sys.executable, "-c", code, str(paths.data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        qtbot.wait(300)  # the second one is asking by now, and finding no one
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            first.listen()
        out, _ = second.communicate(timeout=10)
        qtbot.waitUntil(lambda: not first.findChildren(QLocalSocket), timeout=3000)  # the caller hung up
    finally:
        second.kill()
        first.release()
    assert out.strip() == "True"


OPEN_WINDOW = """
import sys
import rutjournal.ui.app as app
app.run_gui = lambda data_dir, demo, reset_demo: print(repr((data_dir, demo, reset_demo))) or 0
from rutjournal.__main__ import main
code = main(sys.argv[1:])
print(code, "rutjournal.cli.main" in sys.modules)
"""


def test_a_command_line_that_only_opens_the_window_skips_the_commands_parser(tmp_path: Path) -> None:
    def opened(*argv: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", OPEN_WINDOW, *argv], capture_output=True, text=True, timeout=60
        )
        return done.stdout.splitlines() + done.stderr.splitlines()

    folder = str(tmp_path / "journal")
    assert opened("--data-dir", folder) == [repr((folder, False, False)), "0 False"]
    assert opened(f"--data-dir={folder}") == [repr((folder, False, False)), "0 False"]
    assert opened("--demo", "--reset-demo") == [repr((None, True, True)), "0 False"]
    # anything else is the parser's to read, and to refuse in its words
    assert opened("--reset-demo") == ["2 True", "rutjournal: --reset-demo goes with --demo"]
