"""The Journal section as a user meets it: typing, scores, tags, days, autosave."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from rutjournal.core.journal.service import Journal
from rutjournal.core.values import Scores
from rutjournal.ui.journal.journal_view import AUTOSAVE_MS
from tests.ui.conftest import type_unicode

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)


def stored(window, day=TODAY):  # type: ignore[no-untyped-def]
    return Journal(window.db).get(day)


def raw_row(window, day=TODAY):  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(window.paths.database)
    try:
        return conn.execute(
            "SELECT body, mood, energy, challenge, hours, load FROM entries WHERE day = ?", (day.isoformat(),)
        ).fetchone()
    finally:
        conn.close()


def test_opens_on_today_with_the_cursor_in_the_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    assert view.day == TODAY
    assert view.isEnabled()
    assert TODAY.strftime("%B") in view.day_label.text()
    qtbot.waitUntil(lambda: view.editor.editor.hasFocus(), timeout=2000)
    assert str(window.paths.database) in window.where.text()
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        "Journal",
        "Load",
        "Grow",
        "Guidance",
        "Crossroads",
        "Trends",
        "Search",
    ]


def test_typing_is_saved_within_a_second_without_a_save_button(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.journal_view.editor.editor
    qtbot.keyClicks(editor, "Asked for the lead on the migration.")
    assert raw_row(window) is None  # not yet: the autosave timer is running
    qtbot.waitUntil(lambda: raw_row(window) is not None, timeout=1000)
    assert raw_row(window)[0] == "Asked for the lead on the migration."
    assert "Saved" in window.journal_view.save_label.text()


def test_unicode_text_is_stored_as_typed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.journal_view.editor.editor
    text = "Réunion 🙂 مرحبا שלום"
    type_unicode(editor, text)
    assert editor.toPlainText() == text
    qtbot.waitUntil(lambda: raw_row(window) is not None and raw_row(window)[0] == text, timeout=1500)


def test_scores_are_stored_and_a_second_click_clears_to_null(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    qtbot.mouseClick(view.scores["mood"].group.button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.scores["challenge"].group.button(1), Qt.MouseButton.LeftButton)
    view.hours.setValue(7.5)
    qtbot.waitUntil(lambda: raw_row(window) == ("", 4, None, 1, 7.5, None), timeout=1500)
    assert view.scores["challenge"].word.text() == "bored"
    qtbot.mouseClick(view.scores["mood"].group.button(4), Qt.MouseButton.LeftButton)
    view.hours.setValue(view.hours.minimum())
    assert view.hours.text() == "not set"
    qtbot.waitUntil(lambda: raw_row(window) == ("", None, None, 1, None, None), timeout=1500)


def test_tags_complete_from_existing_tags(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    Journal(window.db).save(YESTERDAY, "old", Scores(), ["meeting", "mentoring"])
    view = window.journal_view
    view.show_day(YESTERDAY)
    view.show_day(TODAY)
    qtbot.keyClicks(view.tags, "dead")
    qtbot.keyClicks(view.tags, "line, mee")
    popup = view.tags.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    assert view.tags.completer_.currentCompletion() == "meeting"
    view.tags.completer_.activated.emit("meeting")
    assert view.tags.text() == "deadline, meeting, "
    qtbot.waitUntil(
        lambda: stored(window) is not None and stored(window).tags == ("deadline", "meeting"), timeout=1500
    )


def test_switching_day_saves_at_once_and_shows_the_other_day(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    Journal(window.db).save(YESTERDAY, "Yesterday's text", Scores(mood=2), [])
    view = window.journal_view
    qtbot.keyClicks(view.editor.editor, "today")
    qtbot.keyClick(view.editor.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert raw_row(window)[0] == "today"  # saved before the switch, not after a timer
    assert view.day == YESTERDAY
    assert view.editor.text() == "Yesterday's text"
    assert view.scores["mood"].value() == 2
    qtbot.keyClick(view.editor.editor, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.day == TODAY
    qtbot.keyClick(view.editor.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.editor.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.editor.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.day == TODAY
    assert view.editor.text() == "today"


def test_switching_section_and_closing_save_at_once(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    editor = window.journal_view.editor.editor
    qtbot.keyClicks(editor, "before search")
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "search"
    assert raw_row(window)[0] == "before search"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " and before closing")
    path = window.paths.database
    window.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT body FROM entries").fetchone()[0] == "before search and before closing"
    conn.close()


def test_calendar_marks_days_by_mood(window) -> None:  # type: ignore[no-untyped-def]
    Journal(window.db).save(YESTERDAY, "x", Scores(mood=1), [])
    view = window.journal_view
    view.show_day(YESTERDAY)
    cal = view.calendar
    from rutjournal.ui.journal.entry_calendar import to_qdate
    from rutjournal.ui.widgets.score_selector import MOOD_COLOURS

    assert cal.dateTextFormat(to_qdate(YESTERDAY)).background().color() == QColor(MOOD_COLOURS[1])
    empty_day = YESTERDAY - dt.timedelta(days=3)
    assert cal.dateTextFormat(to_qdate(empty_day)).background().style() == Qt.BrushStyle.NoBrush


def test_clicking_a_calendar_day_opens_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.ui.journal.entry_calendar import to_qdate

    Journal(window.db).save(YESTERDAY, "from the calendar", Scores(), [])
    window.journal_view.calendar.clicked.emit(to_qdate(YESTERDAY))
    assert window.journal_view.editor.text() == "from the calendar"


def test_preview_renders_markdown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    view.editor.editor.setPlainText("# Plan\n\n**bold move**")
    qtbot.keyClick(view.editor.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.previewing()
    doc = view.editor.preview.document()
    assert doc.toPlainText().startswith("Plan")
    assert "bold move" in doc.toPlainText() and "**" not in doc.toPlainText()
    assert doc.firstBlock().blockFormat().headingLevel() == 1


def test_word_count_and_streak(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(window.db)
    for back in (1, 2):
        journal.save(TODAY - dt.timedelta(days=back), "earlier", Scores(), [])
    view = window.journal_view
    qtbot.keyClicks(view.editor.editor, "three small words")
    assert view.stats_label.text().startswith("3 words")
    view.flush()
    assert view.stats_label.text() == "3 words · 3-day streak"


def test_prompt_rotates_and_can_be_used(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    first = view.prompt_label.text()
    assert " — " in first
    qtbot.mouseClick(view.another_prompt, Qt.MouseButton.LeftButton)
    assert view.prompt_label.text() != first
    qtbot.mouseClick(view.use_prompt, Qt.MouseButton.LeftButton)
    assert view.editor.text().startswith("> ") and view.prompts.text in view.editor.text()


def test_a_write_from_the_command_line_shows_when_the_user_looks_again(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.storage.db import open_database

    other = open_database(window.paths.database)
    Journal(other).append(TODAY, "added from the shell", Scores(mood=5), ["cli"])
    other.close()
    window.journal_view.reload_if_changed()
    assert window.journal_view.editor.text() == "added from the shell"
    assert window.journal_view.scores["mood"].value() == 5


def test_text_that_cannot_be_saved_stays_on_screen_with_a_message(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    view.editor.editor.setPlainText("word " * 200_001)
    assert view.flush() is False
    assert view.save_label.text().startswith("Not saved")
    assert len(view.editor.text()) == 1_000_005
    assert raw_row(window) is None
    assert view.dirty
    view.editor.editor.setPlainText("trimmed")
    assert view.flush() is True
    assert raw_row(window)[0] == "trimmed"


def test_autosave_interval_is_within_a_second() -> None:
    assert 0 < AUTOSAVE_MS <= 1000


def test_closing_with_unsaved_text_asks_first(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.journal_view.editor.editor.setPlainText("more " * 200_001)
    window.close()
    assert asked and "could not be saved" in asked[0]
    assert window.isVisible()  # the user chose to stay: nothing was thrown away
    window.journal_view.editor.editor.setPlainText("short again")
    window.close()
    assert not window.isVisible()
    assert len(asked) == 1


def test_a_long_mixed_script_entry_round_trips_through_the_editor(window) -> None:  # type: ignore[no-untyped-def]
    chunk = "Quarterly review 🙂👩🏽‍💻 مراجعة ربع سنوية סקירה רבעונית — ok.\n"
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    view = window.journal_view
    view.editor.editor.setPlainText(text)
    assert view.flush()
    view.show_day(YESTERDAY)
    view.show_day(TODAY)
    assert view.editor.text() == text
    assert raw_row(window)[0] == text


def test_hours_typed_between_halves_are_stored_to_the_nearest_half(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    view.hours.lineEdit().selectAll()
    qtbot.keyClicks(view.hours.lineEdit(), "7.3")
    view.flush()
    assert raw_row(window)[4] == 7.5


def test_text_deleted_in_the_editor_is_gone_from_the_file_after_closing(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    editor = window.journal_view.editor.editor
    qtbot.keyClicks(editor, "salary figure quxzyxwv")
    window.journal_view.flush()
    editor.setPlainText("salary figure")
    path = window.paths.database
    window.close()
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    data += wal.read_bytes() if wal.exists() else b""
    assert b"salary figure" in data
    assert b"quxzyxwv" not in data
