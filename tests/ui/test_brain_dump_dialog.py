"""The brain dump dialog: type many tasks, see how they are read, add them all at once or not at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from rutjournal.core.errors import InvalidInput
from rutjournal.core.load.service import Load
from rutjournal.ui.load.brain_dump_dialog import BrainDumpDialog

DUMP = """Weekly status report, 2h
Budget review meeting - 1h
Team standup 15m daily
2h
- Fix the shared spreadsheet
Code reviews 2-3h
"""


@pytest.fixture
def dialog(qtbot, db) -> BrainDumpDialog:  # type: ignore[no-untyped-def]
    dialog = BrainDumpDialog(Load(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def add_button(dialog: BrainDumpDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    [button] = [b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
    return button  # type: ignore[return-value]


def cancel_button(dialog: BrainDumpDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Cancel)


def stored(db) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return [(t.title, t.kind, t.minutes_per_week) for t in Load(db).tasks()]


def test_it_opens_empty_with_examples_and_nothing_to_add(dialog: BrainDumpDialog) -> None:
    assert dialog.editor.placeholderText().count("\n") == 2
    assert dialog.editor.accessibleName() == "Tasks, one per line"
    assert dialog.preview.text() == "Nothing to add yet: type one task per line."
    assert not add_button(dialog).isEnabled()


def test_typing_updates_the_preview_as_you_go(qtbot, dialog: BrainDumpDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.editor, "Team standup 15m daily")
    assert dialog.preview.text() == "1 task · 1.2 h/week"
    assert add_button(dialog).text() == "Add 1 task"
    assert add_button(dialog).isEnabled()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.editor, "Fix the printer")
    assert dialog.preview.text() == "2 tasks · 1.2 h/week (1 without a time yet)"
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(1, c).text() for c in range(4)] == ["2", "Fix the printer", "Task", "–"]


def test_lines_not_understood_are_named_and_skipped(qtbot, dialog: BrainDumpDialog, db) -> None:  # type: ignore[no-untyped-def]
    dialog.editor.setPlainText(DUMP)
    assert dialog.preview.text() == (
        "5 tasks · 6.8 h/week (1 without a time yet) · "
        "1 line not understood: line 4: only a time, no task: add what the time is spent on"
    )
    assert add_button(dialog).text() == "Add 5 tasks, skip 1 line"
    qtbot.mouseClick(add_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(db) == [
        ("Weekly status report", "task", 120),
        ("Budget review meeting", "meeting", 60),
        ("Team standup", "meeting", 75),
        ("Fix the shared spreadsheet", "task", 0),
        ("Code reviews", "task", 150),
    ]
    assert dialog.added_ids == [t.id for t in Load(db).tasks()]


def test_many_rejections_name_every_line(dialog: BrainDumpDialog) -> None:
    dialog.editor.setPlainText("Fine 1h\n1h\n2h\n3h\n4h\n5h")
    assert dialog.preview.text().endswith(
        "5 lines not understood: line 2: only a time, no task: add what the time is spent on; "
        "line 3: only a time, no task: add what the time is spent on; "
        "line 4: only a time, no task: add what the time is spent on; and lines 5, 6"
    )


def test_only_rejected_lines_leave_nothing_to_add(dialog: BrainDumpDialog) -> None:
    dialog.editor.setPlainText("Everything 200h")
    assert dialog.preview.text() == (
        "0 tasks · 0 h/week · 1 line not understood: line 1: comes to 200 h/week, more than a week has (168 h)"
    )
    assert not add_button(dialog).isEnabled()
    assert add_button(dialog).text() == "Add tasks"


def test_cancel_stores_nothing(qtbot, dialog: BrainDumpDialog, db) -> None:  # type: ignore[no-untyped-def]
    dialog.editor.setPlainText(DUMP)
    qtbot.mouseClick(cancel_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert stored(db) == []
    assert dialog.added_ids == []


def test_ctrl_enter_adds(qtbot, dialog: BrainDumpDialog, db) -> None:  # type: ignore[no-untyped-def]
    dialog.editor.setFocus()
    qtbot.keyClicks(dialog.editor, "Filing 1h")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(db) == [("Filing", "task", 60)]
    assert not dialog.isVisible()


def test_a_refused_add_stays_open_and_says_why(
    qtbot, dialog: BrainDumpDialog, db, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    calls: list[list[dict[str, object]]] = []

    def refuse(tasks: list[dict[str, object]], **_updates: object) -> list[int]:
        calls.append(tasks)
        raise InvalidInput("title", "1 to 200 characters", "")

    monkeypatch.setattr(dialog.load, "add_many", refuse)
    dialog.editor.setPlainText("Filing 1h\nReports 2h")
    qtbot.mouseClick(add_button(dialog), Qt.MouseButton.LeftButton)
    assert len(calls) == 1 and len(calls[0]) == 2
    assert dialog.isVisible()
    assert dialog.preview.text() == "Nothing was added: title: must be 1 to 200 characters (got '')"
    assert dialog.preview.property("error") is True
    assert dialog.added_ids == []
    assert stored(db) == []
    dialog.editor.appendPlainText("Expenses 30m")  # the next edit shows the preview again
    assert dialog.preview.text() == "3 tasks · 3.5 h/week"


@pytest.fixture
def listed_dialog(qtbot, db) -> BrainDumpDialog:  # type: ignore[no-untyped-def]
    load = Load(db)
    load.add("Weekly status report", minutes_per_week=0)
    load.add("Team standup", kind="meeting", minutes_per_week=75)
    dialog = BrainDumpDialog(load)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choice(dialog: BrainDumpDialog, row: int):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox

    box = dialog.table.cellWidget(row, 4)
    assert isinstance(box, QComboBox)
    return box


def test_lines_already_listed_are_pointed_out_and_merged(qtbot, listed_dialog: BrainDumpDialog, db) -> None:  # type: ignore[no-untyped-def]
    listed_dialog.editor.setPlainText("weekly status report, 2h\nTeam stand-up 15m daily\nFiling 1h")
    assert listed_dialog.preview.text() == (
        "3 tasks · 4.2 h/week · 2 already listed: line 1 as “Weekly status report”; line 2 as “Team standup”"
    )
    assert choice(listed_dialog, 0).currentData() == "hours"  # the listed one has no hours: take the line's
    assert choice(listed_dialog, 1).currentData() == "merge"  # the same hours: nothing to change
    assert [choice(listed_dialog, 1).itemText(i) for i in range(choice(listed_dialog, 1).count())] == [
        "Keep “Team standup”",
        "Add both",
    ]
    assert listed_dialog.table.cellWidget(2, 4) is None
    assert "Already listed as “Weekly status report”" in listed_dialog.table.item(0, 1).toolTip()
    assert add_button(listed_dialog).text() == "Add 1 task, update 1 listed task"
    qtbot.mouseClick(add_button(listed_dialog), Qt.MouseButton.LeftButton)
    assert stored(db) == [
        ("Weekly status report", "task", 120),
        ("Team standup", "meeting", 75),
        ("Filing", "task", 60),
    ]
    assert listed_dialog.outcome() == "Added 1 task; 2 were already listed (1 given new hours)."


def test_keeping_both_adds_the_line_and_the_choice_outlives_typing(
    qtbot, listed_dialog: BrainDumpDialog, db
) -> None:  # type: ignore[no-untyped-def]
    listed_dialog.editor.setPlainText("Team standup 30m daily")
    box = choice(listed_dialog, 0)
    assert box.currentData() == "merge"
    box.setCurrentIndex(box.findData("both"))
    listed_dialog.editor.appendPlainText("Expenses 30m")
    assert choice(listed_dialog, 0).currentData() == "both"
    assert add_button(listed_dialog).text() == "Add 2 tasks"
    qtbot.mouseClick(add_button(listed_dialog), Qt.MouseButton.LeftButton)
    assert [t[0] for t in stored(db)] == ["Weekly status report", "Team standup", "Team standup", "Expenses"]


def test_nothing_new_leaves_nothing_to_add(listed_dialog: BrainDumpDialog) -> None:
    listed_dialog.editor.setPlainText("Team Standup")
    assert add_button(listed_dialog).text() == "Nothing new to add"
    assert not add_button(listed_dialog).isEnabled()
