"""What another process writes shows in the open window within a second or two, without the user doing
anything — and an edit in progress merges with it instead of overwriting it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from rutjournal.core.guidance.service import Guidance
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores
from rutjournal.ui.journal.entry_calendar import to_qdate
from rutjournal.ui.widgets.score_selector import MOOD_COLOURS
from tests.rut import rut_process

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)


def other_process_db(window):  # type: ignore[no-untyped-def]
    """A second Database on the same file: its writes are another connection's, as a process's would be."""
    return open_database(window.paths.database)


def shell(*args: str) -> None:
    done = rut_process(*args)  # a process: the window must notice another one's write
    assert done.returncode == 0, done.stderr


def test_a_shell_append_shows_in_the_editor_by_itself(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    qtbot.keyClicks(view.editor.editor, "Morning: planning.")
    qtbot.waitUntil(lambda: not view.dirty, timeout=2000)
    qtbot.mouseClick(view.another_prompt, Qt.MouseButton.LeftButton)
    prompt = view.prompt_label.text()
    shell("add", "--mood", "2", "--tag", "shell", "Afternoon, from the terminal.")
    qtbot.waitUntil(lambda: "from the terminal" in view.editor.text(), timeout=2000)
    assert view.editor.text() == "Morning: planning.\n\nAfternoon, from the terminal."
    assert view.scores["mood"].value() == 2 and view.tags.tags() == ["shell"]
    assert not view.dirty  # shown as stored, not counted as an edit
    assert view.prompt_label.text() == prompt  # the same day: the prompt the user chose stays


def test_the_calendar_and_streak_follow_another_process(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    assert "no streak yet" in view.stats_label.text()
    other = other_process_db(window)
    try:
        Journal(other).save(TODAY, "written elsewhere", Scores(mood=4), [])
        Journal(other).save(YESTERDAY, "and the day before", Scores(mood=1), [])
    finally:
        other.close()
    qtbot.waitUntil(lambda: "2-day streak" in view.stats_label.text(), timeout=2000)
    assert view.editor.text() == "written elsewhere"
    mood_1 = QColor(MOOD_COLOURS[1])
    if YESTERDAY.month == TODAY.month:  # the calendar shows this month: yesterday is marked by its mood
        assert view.calendar.dateTextFormat(to_qdate(YESTERDAY)).background().color() == mood_1


def test_typing_while_the_shell_appends_keeps_both_in_order(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    editor = view.editor.editor
    qtbot.keyClicks(editor, "Standup.")
    qtbot.waitUntil(lambda: not view.dirty, timeout=2000)
    view.save_timer.setInterval(60_000)  # hold this edit unsaved while the other process writes
    qtbot.keyClicks(editor, " Then the long review.")
    shell("add", "Added from the terminal.")
    qtbot.wait(800)  # the window has noticed; an edit in progress is not reloaded
    assert view.editor.text() == "Standup. Then the long review."
    assert view.flush()
    expected = "Standup. Then the long review.\n\nAdded from the terminal."
    assert Journal(window.db).get(TODAY).body == expected  # type: ignore[union-attr]
    assert view.editor.text() == expected
    assert "merged" in view.save_label.text()
    assert editor.textCursor().position() == len("Standup. Then the long review.")  # still where typed
    qtbot.keyClicks(editor, "!")
    assert view.flush()
    assert Journal(window.db).get(TODAY).body == (  # type: ignore[union-attr]
        "Standup. Then the long review.!\n\nAdded from the terminal."
    )


def test_autosave_merges_a_write_from_another_connection(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    other = other_process_db(window)
    try:
        Journal(other).save(TODAY, "one\ntwo", Scores(energy=3), ["work"])
        qtbot.waitUntil(lambda: view.editor.text() == "one\ntwo", timeout=2000)
        view.editor.editor.moveCursor(view.editor.editor.textCursor().MoveOperation.Start)
        qtbot.keyClicks(view.editor.editor, "ONE ")
        Journal(other).append(TODAY, "three", Scores(energy=1), ["elsewhere"])  # before the autosave
    finally:
        other.close()
    qtbot.waitUntil(lambda: not view.dirty, timeout=2000)
    stored = Journal(window.db).get(TODAY)
    assert stored is not None and stored.body == "ONE one\ntwo\n\nthree"
    assert stored.scores.energy == 1 and stored.tags == ("elsewhere", "work")
    assert view.editor.text() == stored.body and view.tags.tags() == ["elsewhere", "work"]


def test_load_on_screen_shows_a_task_the_shell_added(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    Load(window.db).add("Weekly status report", minutes_per_week=120)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.load_view
    qtbot.waitUntil(lambda: len(view.model.rows) == 1, timeout=2000)
    view.select_task(view.model.rows[0].id)
    shell("task", "add", "--hours", "1", "Budget review")
    qtbot.waitUntil(lambda: len(view.model.rows) == 2, timeout=2000)
    assert {t.title for t in view.model.rows} == {"Weekly status report", "Budget review"}
    assert [view.model.task(view.model.row_of(i)).title for i in view.selected_ids()] == [
        "Weekly status report"
    ]


def test_a_hidden_section_is_current_when_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    other = other_process_db(window)
    try:
        Load(other).add("Added while Load was hidden")
    finally:
        other.close()
    qtbot.waitUntil(lambda: "load" in window.live.stale, timeout=2000)
    assert window.load_view.model.rows == []  # nothing redrawn off screen
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.load_view.model.rows) == 1, timeout=500)


def test_search_results_follow_another_process(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search_box.setText("terminal")
    qtbot.waitUntil(lambda: window.current_section() == "search", timeout=2000)
    assert window.search_view.model.rowCount() == 0
    shell("add", "Notes from the terminal.")
    qtbot.waitUntil(lambda: window.search_view.model.rowCount() == 1, timeout=2000)


def test_typing_in_a_guidance_agenda_is_not_undone_by_another_write(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    Guidance(window.db).add_conversation(TODAY, "Dana", "boss", agenda="- first point")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.guidance_view
    qtbot.waitUntil(lambda: "first point" in view.agenda.toPlainText(), timeout=2000)
    view.agenda.setFocus()
    view.agenda.moveCursor(view.agenda.textCursor().MoveOperation.End)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    qtbot.keyClicks(view.agenda, "- typed just now")
    shell("add", "A journal line from the terminal.")
    qtbot.waitUntil(lambda: "guidance" in window.live.stale, timeout=2000)
    assert view.agenda.toPlainText().endswith("- typed just now")
    view.conversations.setFocus()  # the user leaves the field: now it re-reads, with the typing saved
    qtbot.waitUntil(lambda: "guidance" not in window.live.stale, timeout=2000)
    assert Guidance(window.db).conversation(view.current).agenda.endswith("- typed just now")  # type: ignore[arg-type]
    assert view.agenda.toPlainText().endswith("- typed just now")


def test_the_watch_lets_go_on_close_and_picks_up_after_reopening(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.close_data(save=True)
    assert window.search_conn is None and not window.live.poll()
    window.open_data()
    qtbot.waitUntil(lambda: window.live._conn is window.search_conn, timeout=2000)
    shell("add", "After the reopening.")
    qtbot.waitUntil(lambda: "After the reopening." in window.journal_view.editor.text(), timeout=2000)


def test_the_shell_writing_while_the_window_is_open_leaves_the_file_sound(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window once read the file's header with open() after its connections were open: closing that file
    dropped their locks, and the shell's last close then deleted the write-ahead log under them."""
    view = window.journal_view
    qtbot.keyClicks(view.editor.editor, "First.")
    qtbot.waitUntil(lambda: not view.dirty, timeout=2000)
    shell("add", "From the shell.")
    qtbot.keyClicks(view.editor.editor, " Second.")
    assert view.flush(), view.save_label.text()
    with window.db.reader() as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert Journal(window.db).get(TODAY).body == "First. Second.\n\nFrom the shell."  # type: ignore[union-attr]
