"""The Load section as a user works it: add, edit in the table, decide, mark done, delete and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from rutjournal.core.load.service import Load
from rutjournal.ui.load.load_view import LoadView
from rutjournal.ui.load.task_model import COLUMN, TaskTableModel


@pytest.fixture
def load_view(open_view, db):  # type: ignore[no-untyped-def]
    """Opens the view on its own, with its service on the test's journal."""
    return lambda: open_view(LoadView, lambda view: view.set_load(Load(db)))


def open_load(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "load"
    return window.load_view


def add(view, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    view.quick_add.setFocus()
    qtbot.keyClicks(view.quick_add, text)
    qtbot.keyClick(view.quick_add, Qt.Key.Key_Return)


def select(view, *titles: str) -> None:  # type: ignore[no-untyped-def]
    selection = view.table.selectionModel()
    selection.clear()
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, 0)
        if index.data() in titles:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(index, flags)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def cell(view, title: str, key: str):  # type: ignore[no-untyped-def]
    for row in range(view.proxy.rowCount()):
        if view.proxy.index(row, 0).data() == title:
            return view.proxy.index(row, COLUMN[key])
    raise AssertionError(f"{title} is not shown")


def test_quick_add_parses_hours_and_stores_the_task(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Weekly status report, 2h")
    add(view, qtbot, "Budget review")
    stored = {t.title: t.minutes_per_week for t in Load(db).tasks()}
    assert stored == {"Weekly status report": 120, "Budget review": 0}
    assert view.quick_add.text() == ""
    assert view.summary.values["plate"].text() == "2 h"


def test_editing_cells_saves_at_once_and_rescoring_follows(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Expense reports, 1h")
    assert view.proxy.setData(cell(view, "Expense reports", "in_jd"), "no")
    assert view.proxy.setData(cell(view, "Expense reports", "enjoyment"), -2)
    assert view.proxy.setData(cell(view, "Expense reports", "minutes_per_week"), "90m")
    task = Load(db).tasks()[0]
    assert (task.in_jd, task.enjoyment, task.minutes_per_week) == ("no", -2, 90)
    assert cell(view, "Expense reports", "score").data() == str(40 + 10 + 20 + 4)
    assert "not in your job description" in cell(view, "Expense reports", "score").data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_bad_value_is_refused_with_a_message(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Reports, 1h")
    assert not view.proxy.setData(cell(view, "Reports", "minutes_per_week"), "lots")
    assert "hours" in view.message.text()
    assert Load(db).tasks()[0].minutes_per_week == 60


def test_decide_many_mark_done_and_the_summary(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    for text in ("Status report, 2h", "Vendor call, 1h", "Forecast, 10h"):
        add(view, qtbot, text)
    select(view, "Status report", "Vendor call")
    view.decision_pick.setCurrentIndex(view.decision_pick.findData("drop"))
    qtbot.keyClicks(view.who_or_why, "nobody reads it")
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert {t.title: t.decision for t in Load(db).tasks()} == {
        "Status report": "drop",
        "Vendor call": "drop",
        "Forecast": "undecided",
    }
    assert view.summary.values["pending"].text() == "3 h"
    select(view, "Status report")
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert view.summary.values["freed"].text() == "2 h"
    assert view.summary.values["plate"].text() == "11 h"
    assert "2 h/week freed" in view.message.text()


def test_delete_and_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_load(window, qtbot)
    add(view, qtbot, "Reports, 1h")
    select(view, "Reports")
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert Load(window.db).tasks() == [] and view.proxy.rowCount() == 0
    assert "Ctrl+Z" in view.message.text()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t.title for t in Load(window.db).tasks()] == ["Reports"]
    assert view.proxy.rowCount() == 1


def test_filters_and_candidates(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    load = Load(db)
    load.add("Chore", minutes_per_week=180, in_jd="no", enjoyment=-2, value=1)
    load.add("Sync", kind="meeting", minutes_per_week=60)
    load.add("Core work", minutes_per_week=600, enjoyment=2, value=5)
    view.reload()
    assert view.candidates.item(0).text().split()[:2] == ["93", "Chore"]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("meeting"))
    assert view.proxy.rowCount() == 1
    view.kind_filter.setCurrentIndex(0)
    view.text_filter.setText("core")
    assert view.proxy.rowCount() == 1 and view.proxy.index(0, 0).data() == "Core work"


def test_saying_no_lists_what_was_declined_and_the_hours(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    load = Load(db)
    task = load.add("Vendor calls", kind="meeting", minutes_per_week=180)
    load.decide(task, "decline", reason="sales owns vendors")
    view.reload()
    assert "Vendor calls — 3 h/week · sales owns vendors" in view.saying_no.item(0).text()
    assert "3 h/week back" in view.saying_no_total.text()


def test_a_journal_line_becomes_a_task_and_the_task_shows_its_mentions(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.journal_view.editor.editor
    qtbot.keyClicks(editor, "Fixed the finance spreadsheet again")
    window.journal_view.flush()
    window.journal_view.task_requested.emit(window.journal_view.selected_line())
    tasks = Load(window.db).tasks()
    assert [t.title for t in tasks] == ["Fixed the finance spreadsheet again"]
    view = open_load(window, qtbot)
    select(view, "Fixed the finance spreadsheet again")
    view._current_changed()
    assert view.mentions.count() == 1 and "finance spreadsheet" in view.mentions.item(0).text()
    view.mentions.itemClicked.emit(view.mentions.item(0))
    assert window.current_section() == "journal"


def test_the_task_model_passes_the_model_tester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    load = Load(window.db)
    for i in range(5):
        load.add(f"Task {i}", minutes_per_week=30 * i, in_jd=("yes", "partly", "no")[i % 3])
    model = TaskTableModel()
    model.set_tasks(load, load.tasks())
    qtmodeltester.check(model)


def test_sorting_by_a_column_orders_by_its_real_values(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    load = Load(db)
    for title, minutes in (("Nine", 540), ("Ten", 600), ("Half", 30), ("None", 0)):
        load.add(title, minutes_per_week=minutes)
    view.reload()
    view.table.sortByColumn(COLUMN["minutes_per_week"], Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(4)] == [
        "None",
        "Half",
        "Nine",
        "Ten",
    ]  # not "10 h" < "9 h"
    select(view, "Nine")
    view.table.sortByColumn(COLUMN["minutes_per_week"], Qt.SortOrder.DescendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(4)] == ["Ten", "Nine", "Half", "None"]
    assert view.selected_ids() == [t.id for t in load.tasks() if t.title == "Nine"]  # the selection follows


def test_quick_add_reads_lines_as_the_brain_dump_does(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Team standup 15m daily")
    task = Load(db).tasks()[0]
    assert (task.title, task.minutes_per_week, task.kind) == ("Team standup", 75, "meeting")
    add(view, qtbot, "2h")
    assert "only a time" in view.message.text() and len(Load(db).tasks()) == 1


def test_quick_add_points_out_a_task_already_listed_before_adding(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Weekly status report, 2h")
    add(view, qtbot, "weekly status reports, 3h")
    assert view.duplicate.isVisible()
    assert "“weekly status reports” looks like one already listed: “Weekly status report”, 2 h/week" in (
        view.duplicate.label.text()
    )
    assert len(Load(db).tasks()) == 1 and view.quick_add.text() == "weekly status reports, 3h"
    assert view.duplicate.hours_button.text() == "Keep it, set 3 h/week"
    qtbot.mouseClick(view.duplicate.hours_button, Qt.MouseButton.LeftButton)
    assert [(t.title, t.minutes_per_week) for t in Load(db).tasks()] == [("Weekly status report", 180)]
    assert not view.duplicate.isVisible() and view.quick_add.text() == ""
    assert view.message.text() == "Kept “Weekly status report”, now 3 h/week: nothing added."

    add(view, qtbot, "Weekly Status Report")
    assert "is already listed" in view.duplicate.label.text()
    assert not view.duplicate.hours_button.isVisible()  # no new hours to take
    qtbot.mouseClick(view.duplicate.keep_button, Qt.MouseButton.LeftButton)
    assert len(Load(db).tasks()) == 1
    assert view.selected_ids() == [Load(db).tasks()[0].id]  # the listed one is shown

    add(view, qtbot, "Weekly status report 1h")
    qtbot.mouseClick(view.duplicate.add_button, Qt.MouseButton.LeftButton)
    assert [(t.title, t.minutes_per_week) for t in Load(db).tasks()] == [
        ("Weekly status report", 180),
        ("Weekly status report", 60),
    ]


def test_editing_the_typed_task_puts_the_question_away(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Budget review")
    add(view, qtbot, "Budget reviews")
    assert view.duplicate.isVisible()
    qtbot.keyClicks(view.quick_add, " for finance")
    assert not view.duplicate.isVisible()
    qtbot.keyClick(view.quick_add, Qt.Key.Key_Return)
    assert [t.title for t in Load(db).tasks()] == ["Budget review", "Budget reviews for finance"]


def test_a_markdown_line_of_the_journal_becomes_a_plain_task(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.journal_view.editor.editor
    qtbot.keyClicks(editor, "- **Vendor** call with _sales_, 1h")
    window.journal_view.flush()
    window.journal_view.task_requested.emit(window.journal_view.selected_line())
    [task] = Load(window.db).tasks()
    assert (task.title, task.minutes_per_week, task.kind) == ("Vendor call with sales", 60, "meeting")
    assert window.statusBar().currentMessage() == "Added to Load: “Vendor call with sales” (Ctrl+2 to see it)"


def test_saying_no_names_what_was_declined_by_its_kind(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    load = Load(db)
    load.decide(load.add("Filing", minutes_per_week=60), "decline")
    view.reload()
    assert view.saying_no_total.text() == "You declined 1 task: 1 h/week back once you mark it done."
    for title in ("Vendor sync", "Steering call"):
        load.decide(load.add(title, kind="meeting", minutes_per_week=30), "decline")
    view.reload()
    assert view.saying_no_total.text().startswith("You declined 1 task and 2 meetings: 2 h/week back")


def test_the_summary_says_what_it_does_not_know_yet(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    assert view.summary.values["enjoyed"].text() == "–"
    assert "Add your tasks above" in view.candidates.item(0).text()  # not "every task has a decision"
    add(view, qtbot, "Forecast, 10h")
    add(view, qtbot, "Filing")
    assert view.summary.values["enjoyed"].text() == "–"  # nothing rated: no share, not 0 %
    assert "Rate how much you enjoy" in view.summary.values["enjoyed"].toolTip()
    assert view.summary.captions["plate"].text() == "a week on your plate (+1 task without hours)"
    assert view.summary.values["core"].text() == "10 h"
    assert view.summary.captions["core"].text() == "on core work (100 %)"
    assert view.proxy.setData(cell(view, "Forecast", "enjoyment"), 2)
    assert view.summary.values["enjoyed"].text() == "100 %"
    select(view, "Filing")
    view._current_changed()
    assert "no hours yet: 0 = 15" in view.why.text() and "Rate its value and enjoyment" in view.why.text()


def test_the_facts_behind_the_score_are_set_beside_it(load_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = load_view()
    add(view, qtbot, "Filing, 3h")
    assert view.tabs.currentWidget() is view.tabs.why_page  # a new task: its facts, to fill in
    assert "Say under Why" in view.message.text()
    facts = view.tabs.facts
    assert facts.boxes["enjoyment"].currentText() == "not rated"
    for key, value in (("enjoyment", -2), ("in_jd", "no"), ("value", 1)):
        box = facts.boxes[key]
        box.setCurrentIndex(box.findData(value))
        box.activated.emit(box.currentIndex())  # as a user's choice is reported
    [task] = Load(db).tasks()
    assert (task.enjoyment, task.in_jd, task.value) == (-2, "no", 1)
    assert cell(view, "Filing", "score").data() == str(40 + 25 + 20 + 8)
    assert "enjoyment −2: 20" in view.why.text() and "Rate its" not in view.why.text()
    assert facts.boxes["in_jd"].currentText() == "no"  # shown again as stored
