"""The journal as a new user meets it in the first month (issue 12): the line right-clicked, tags saved when
finished, day keys from anywhere, honest word counts, a calendar that explains its colours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from rutjournal.core.journal.service import Journal
from rutjournal.core.values import Scores
from rutjournal.ui.journal.journal_view import AUTOSAVE_MS


def menu_texts(view, pos) -> list[str]:  # type: ignore[no-untyped-def]
    menu = view.context_menu(pos)
    try:
        return [action.text() for action in menu.actions()]
    finally:
        menu.deleteLater()


def test_right_click_offers_the_line_clicked_not_the_line_of_the_cursor(window) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    edit = view.editor.editor
    edit.setPlainText("Standup ran long.\nVendor call about the export\nLunch with Priya")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    edit.setTextCursor(cursor)  # the text cursor stays on the first line
    second = QTextCursor(edit.document().findBlockByNumber(1))
    pos = edit.cursorRect(second).center()
    texts = menu_texts(view, pos)
    assert "Add “Vendor call about the export” to Load as a task" in texts
    assert not any("Standup" in t for t in texts)


def test_right_click_inside_a_selection_offers_the_selection(window) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    edit = view.editor.editor
    edit.setPlainText("Shipped the forecasting model to finance today")
    cursor = edit.textCursor()
    cursor.setPosition(8)
    cursor.setPosition(33, QTextCursor.MoveMode.KeepAnchor)  # "the forecasting model"
    edit.setTextCursor(cursor)
    inside = QTextCursor(edit.document())
    inside.setPosition(20)
    texts = menu_texts(view, edit.cursorRect(inside).center())
    assert "Add “the forecasting model to fi…” to Load as a task" in texts or any(
        "the forecasting model" in t for t in texts
    )


def stored_tags(window, day):  # type: ignore[no-untyped-def]
    entry = Journal(window.db).get(day)
    return None if entry is None else entry.tags


def test_a_tag_being_typed_is_not_saved_until_it_is_finished(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    today = dt.date.today()
    view.editor.editor.insertPlainText("Planning day.")
    view.tags.setFocus()
    qtbot.keyClicks(view.tags, "focus, mee")
    qtbot.wait(AUTOSAVE_MS + 300)  # the autosave ran while "mee" was on its way to "meeting"
    assert stored_tags(window, today) == ("focus",)
    assert view.tags.text() == "focus, mee"  # what is typed stays in the box
    qtbot.keyClicks(view.tags, "ting,")
    qtbot.waitUntil(lambda: stored_tags(window, today) == ("focus", "meeting"), timeout=2000)
    assert "mee" not in Journal(window.db).tag_names()


def test_a_tag_being_typed_when_the_day_changes_is_kept(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    today = dt.date.today()
    view.tags.setFocus()
    qtbot.keyClicks(view.tags, "deadline")
    view.show_day(today - dt.timedelta(days=1))  # leaving the day saves everything, the unfinished tag too
    assert stored_tags(window, today) == ("deadline",)


def test_suggestions_are_several_best_matches_first_and_not_the_fragment(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(window.db)
    start = dt.date(2026, 1, 5)
    for i in range(5):
        journal.save(start + dt.timedelta(days=i), "x", Scores(), ["meeting"])
    journal.save(start + dt.timedelta(days=6), "x", Scores(), ["team-meeting", "meetup"])
    journal.save(start + dt.timedelta(days=7), "x", Scores(), ["team-meeting"])
    view = window.journal_view
    view.show_day(start + dt.timedelta(days=8))
    view.tags.setFocus()
    qtbot.keyClicks(view.tags, "mee")
    assert view.tags.suggestions() == ["meeting", "meetup", "team-meeting"]
    popup = view.tags.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    assert popup.model().rowCount() == 3
    assert popup.height() >= 2 * popup.sizeHintForRow(0)  # more than one row tall


def test_word_count_leaves_out_markdown_marks(window) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    view.editor.editor.setPlainText("## What went well\n\n- shipped it\n> a quote **here**\n")
    assert view.stats_label.text().startswith("8 words")  # not 11: "##", "-" and ">" are no words


def test_tags_can_be_renamed_merged_and_deleted_across_the_journal(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(window.db)
    days = [dt.date(2026, 2, d) for d in (2, 3, 4)]
    journal.save(days[0], "a", Scores(), ["meeting", "mtg"])
    journal.save(days[1], "b", Scores(), ["mtg"])
    journal.save(days[2], "c", Scores(), ["meetings", "noise"])
    dialog = window.journal_view.open_tags()
    assert dialog is not None
    names = [dialog.model.rows[i].name for i in range(len(dialog.model.rows))]
    assert names[0] == "mtg" and set(names) == {"meeting", "mtg", "meetings", "noise"}

    dialog.select("mtg")
    dialog.ask_name = lambda _old: "meeting"  # renaming into an existing tag merges the two
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert [journal.get(d).tags for d in days[:2]] == [("meeting",), ("meeting",)]  # type: ignore[union-attr]
    assert "Renamed #mtg on 2 days." in dialog.status.text()

    dialog.select("meeting", "meetings")
    dialog.ask_target = lambda _names: "meeting"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert journal.get(days[2]).tags == ("meeting", "noise")  # type: ignore[union-attr]

    dialog.select("noise")
    dialog.confirm = lambda _name, _days: False
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "noise" in journal.tag_names()  # not confirmed: nothing changed
    dialog.confirm = lambda _name, _days: True
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert journal.tag_names() == ["meeting"]
    assert journal.get(days[2]).body == "c"  # type: ignore[union-attr]
    from rutjournal.core.journal.search import search

    with window.db.reader() as conn:
        assert [h.day for h in search(conn, "#meeting")] == sorted(days, reverse=True) or len(
            search(conn, "#meeting")
        ) == 3
        assert search(conn, "#mtg") == []
    dialog.close()


def test_day_keys_work_while_the_search_box_has_focus(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    today = dt.date.today()
    window.search_box.setFocus()
    assert window.search_box.hasFocus() or not window.isActiveWindow()  # offscreen may not focus a window
    qtbot.keyClick(window.search_box, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.day == today - dt.timedelta(days=1)
    window.show_section("load")
    qtbot.keyClick(window.search_box, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "journal" and view.day == today


def next_by_tab(widget):  # type: ignore[no-untyped-def]
    """The widget Tab moves to from ``widget``: the next in the chain that takes focus by Tab."""
    step = widget.nextInFocusChain()
    while not (step.focusPolicy() & Qt.FocusPolicy.TabFocus and step.isVisible() and step.isEnabled()):
        step = step.nextInFocusChain()
    return step


def test_tab_from_tags_stays_in_the_day(window) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    assert next_by_tab(view.tags) is view.manage_tags
    assert next_by_tab(view.manage_tags) is view.editor.editor


def test_a_brand_new_journal_is_not_backed_up_as_zero_entries(make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.waitUntil(lambda: not window.care.jobs, timeout=10000)
    assert "0 entries" not in window.statusBar().currentMessage()
    assert not list(paths.backup_dir.glob("journal-*.sqlite3"))  # nothing to lose yet, nothing copied
    from rutjournal.core.load.service import Load

    Load(window.db).add("Weekly status report")
    window.care.after_open()
    qtbot.waitUntil(lambda: not window.care.jobs, timeout=10000)
    [taken] = paths.backup_dir.glob("journal-*.sqlite3")
    assert window.statusBar().currentMessage() == f"Backed up: no entries yet, {taken.name}"


def test_the_calendar_explains_its_colours_and_the_selected_day_keeps_its_own(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    from rutjournal.ui.journal.entry_calendar import MoodLegend, to_qdate
    from rutjournal.ui.widgets.score_selector import MOOD_COLOURS

    view = window.journal_view
    today = dt.date.today()
    Journal(window.db).save(today, "good day", Scores(mood=5), [])
    view.show_day(today)
    view.calendar.refresh_marks()
    legend = view.findChild(MoodLegend)
    assert legend is not None and legend.isVisible()
    assert "no mood" in " ".join(label.text() for label in legend.findChildren(type(view.day_label)))
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    view.calendar.paintCell(painter, QRect(0, 0, 40, 30), to_qdate(today))
    painter.end()
    assert image.pixelColor(20, 6).name() == QColor(MOOD_COLOURS[5]).name()  # not the highlight colour


def test_a_day_ahead_of_today_says_so(window) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    view.show_day(dt.date.today() + dt.timedelta(days=3))
    assert view.ahead_label.isVisible() and view.ahead_label.text() == "ahead of today (3 days)"
    view.show_day(dt.date.today())
    assert not view.ahead_label.isVisible()


def test_markdown_marks_are_not_shown_outside_the_editor(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.journal.search import search

    journal = Journal(window.db)
    journal.save(
        dt.date(2026, 3, 2), "## What went well\n\n- **Vendor** call went fine\n> quoted", Scores(), []
    )
    with window.db.reader() as conn:
        [hit] = search(conn, "vendor")
    shown = hit.snippet_text("", "")
    assert "##" not in shown and "**" not in shown and "- " not in shown and "> " not in shown
    assert "What went well Vendor call went fine" in shown
    view = window.journal_view
    view.show_day(dt.date(2026, 3, 2))
    edit = view.editor.editor
    third = QTextCursor(edit.document().findBlockByNumber(2))
    assert "Add “Vendor call went fine” to Load as a task" in menu_texts(
        view, edit.cursorRect(third).center()
    )
