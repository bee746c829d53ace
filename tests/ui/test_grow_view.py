"""The Grow section as a user builds it: a target, a gap, a goal with milestones ticked, evidence, challenges."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from rutjournal.core.grow import Grow
from rutjournal.ui.grow.goal_tree import IdRole, KindRole


def open_grow(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "grow"
    return window.grow_view


def find(view, kind: str, ident: int):  # type: ignore[no-untyped-def]
    model = view.model
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if (index.data(KindRole), index.data(IdRole)) == (kind, ident):
            return index
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    raise AssertionError(f"{kind} {ident} not shown")


def test_target_gap_goal_milestones_and_progress(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_grow(window, qtbot)
    assert "No target role yet" in view.target_label.text()
    qtbot.keyClicks(view.target_title, "Senior Analyst")
    qtbot.mouseClick(view.target_button, Qt.MouseButton.LeftButton)
    assert "Senior Analyst" in view.target_label.text()
    view.gap_kind.setCurrentIndex(view.gap_kind.findData("experience"))
    qtbot.keyClicks(view.gap_title, "Leading a team")
    qtbot.keyClick(view.gap_title, Qt.Key.Key_Return)
    grow = Grow(window.db)
    gap = grow.active_target().gaps[0]
    assert (gap.title, gap.kind) == ("Leading a team", "experience")
    qtbot.keyClicks(view.goal_title, "Lead the Q1 migration")
    qtbot.keyClick(view.goal_title, Qt.Key.Key_Return)
    goal_id = grow.active_target().gaps[0].goals[0].id
    for title in ("Write the plan", "Run the kickoff", "Ship phase one"):
        view.milestone_title.setText(title)
        qtbot.mouseClick(view.milestone_button, Qt.MouseButton.LeftButton)
    goal = grow.goal(goal_id)
    assert [m.title for m in goal.milestones] == ["Write the plan", "Run the kickoff", "Ship phase one"]
    tick = view.model.itemFromIndex(find(view, "milestone", goal.milestones[0].id))
    tick.setCheckState(Qt.CheckState.Checked)
    assert grow.goal(goal_id).progress == 1 / 3
    progress = find(view, "goal", goal_id).siblingAtColumn(1).data()
    assert progress == "33%"
    assert "33% of the way" in view.target_label.text()


def test_goal_details_pace_and_manual_progress(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(window.db)
    grow.set_target("Senior Analyst", by=dt.date.today() + dt.timedelta(days=300))
    gap = grow.add_gap("SQL", "skill")
    goal = grow.add_goal(
        "Finish the SQL course",
        gap,
        due=dt.date.today() + dt.timedelta(days=30),
        started_on=dt.date.today() - dt.timedelta(days=30),
    )
    view = open_grow(window, qtbot)
    view.refresh()
    view.tree.setCurrentIndex(find(view, "goal", goal))
    assert view.goal_percent.isEnabled()
    view.goal_percent.setValue(20)
    qtbot.mouseClick(view.goal_save, Qt.MouseButton.LeftButton)
    assert grow.goal(goal).manual_percent == 20
    assert "behind" in view.goal_pace.text() or "%" in view.goal_pace.text()
    assert find(view, "goal", goal).siblingAtColumn(3).data() in ("at risk", "off track")


def test_evidence_and_challenges(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(window.db)
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("Visibility with leadership", "visibility")
    view = open_grow(window, qtbot)
    view.refresh()
    view.tabs.setCurrentIndex(1)
    qtbot.keyClicks(view.evidence_text, "Presented the forecast to the VP")
    view.evidence_gap.setCurrentIndex(view.evidence_gap.findData(gap))
    qtbot.mouseClick(view.evidence_button, Qt.MouseButton.LeftButton)
    evidence = grow.evidence()
    assert [(e.text, e.gap_id) for e in evidence] == [("Presented the forecast to the VP", gap)]
    view.tabs.setCurrentIndex(2)
    qtbot.keyClicks(view.challenge_what, "Lead the vendor review")
    qtbot.keyClicks(view.challenge_of, "Dana")
    qtbot.mouseClick(view.challenge_button, Qt.MouseButton.LeftButton)
    view.challenge_list.setCurrentRow(0)
    qtbot.mouseClick(view.answer_buttons["yes"], Qt.MouseButton.LeftButton)
    assert [c.answer for c in grow.challenges()] == ["yes"]
    assert "1 time" in view.challenge_summary.text() and "1 granted" in view.challenge_summary.text()


def test_journal_text_becomes_evidence(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.journal_view.editor.editor, "Shipped the pricing model")
    window.journal_view.evidence_requested.emit(window.journal_view.selected_line())
    assert [(e.text, e.day) for e in Grow(window.db).evidence()] == [
        ("Shipped the pricing model", dt.date.today())
    ]


def test_the_promotion_case_is_saved_from_the_section(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    grow = Grow(window.db)
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    grow.add_evidence("Rebuilt the sales schema", gap_id=gap)
    view = open_grow(window, qtbot)
    view.refresh()
    out = tmp_path / "case.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)"))
    qtbot.mouseClick(view.case_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert "Senior Analyst" in text and "Rebuilt the sales schema" in text
    pdf = tmp_path / "case.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF document (*.pdf)"))
    qtbot.mouseClick(view.case_button, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF")
