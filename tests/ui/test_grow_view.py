"""The Grow section as a user builds it: a target, a gap, a goal with milestones ticked, evidence, challenges."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from rutjournal.core import text
from rutjournal.core.grow.service import Grow
from rutjournal.ui.grow.goal_tree import IdRole, KindRole
from rutjournal.ui.grow.grow_view import GrowView
from tests.ui.layout_checks import fully_shown

TODAY = dt.date.today()


@pytest.fixture
def grow_view(open_view, db):  # type: ignore[no-untyped-def]
    """Opens the view on its own, with its service on the test's journal."""
    return lambda: open_view(GrowView, lambda view: view.set_grow(Grow(db)))


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


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


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
    assert progress == "33 %"
    assert "33 % of the way: its one gap." in view.target_label.text()


def test_goal_details_pace_and_manual_progress(grow_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(db)
    grow.set_target("Senior Analyst", by=dt.date.today() + dt.timedelta(days=300))
    gap = grow.add_gap("SQL", "skill")
    goal = grow.add_goal(
        "Finish the SQL course",
        gap,
        due=dt.date.today() + dt.timedelta(days=30),
        started_on=dt.date.today() - dt.timedelta(days=30),
    )
    view = grow_view()
    view.refresh()
    view.tree.setCurrentIndex(find(view, "goal", goal))
    assert view.goal_percent.isEnabled()
    view.goal_percent.setValue(20)
    qtbot.mouseClick(view.goal_save, Qt.MouseButton.LeftButton)
    assert grow.goal(goal).manual_percent == 20
    assert "behind" in view.goal_pace.text() or "%" in view.goal_pace.text()
    assert find(view, "goal", goal).siblingAtColumn(3).data() in ("at risk", "off track")


def test_evidence_and_challenges(grow_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(db)
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("Visibility with leadership", "visibility")
    view = grow_view()
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


def test_the_promotion_case_is_saved_from_the_section(grow_view, db, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    grow = Grow(db)
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    grow.add_evidence("Rebuilt the sales schema", gap_id=gap)
    view = grow_view()
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


def test_a_goal_already_under_way_is_added_with_its_start_and_shows_overdue(grow_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(db)
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    view = grow_view()
    view.refresh()
    view.tree.setCurrentIndex(find(view, "gap", gap))
    start, due = TODAY - dt.timedelta(days=120), TODAY - dt.timedelta(days=12)
    qtbot.keyClicks(view.goal_title, "Finish the course")
    view.goal_start.setDate(qdate(due + dt.timedelta(days=1)))  # due before the start: refused
    view.goal_due.set_value(due)
    qtbot.mouseClick(view.goal_button, Qt.MouseButton.LeftButton)
    assert view.message.text().startswith("due: must be on or after the start")
    assert grow.active_target().gaps[0].goals == ()  # type: ignore[union-attr]
    view.goal_start.setDate(qdate(start))
    qtbot.mouseClick(view.goal_button, Qt.MouseButton.LeftButton)
    (goal,) = grow.active_target().gaps[0].goals  # type: ignore[union-attr]
    assert (goal.title, goal.started_on, goal.due, goal.overdue) == ("Finish the course", start, due, True)
    assert view.goal_start.date() == qdate(TODAY)  # ready for the next one
    row = find(view, "goal", goal.id)
    assert row.siblingAtColumn(2).data() == text.short_day(due)
    assert row.siblingAtColumn(3).data() == "overdue"
    assert "0 % done with 100 % of the time gone: off track" in row.siblingAtColumn(3).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert view.goal_started.date() == qdate(start)
    assert f"Overdue by 12 days (due {text.day(due)})." in view.goal_pace.text()
    view.goal_started.setDate(qdate(start - dt.timedelta(days=30)))
    qtbot.mouseClick(view.goal_save, Qt.MouseButton.LeftButton)
    assert grow.goal(goal.id).started_on == start - dt.timedelta(days=30)


def test_evidence_and_a_challenge_keep_the_day_they_happened(grow_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(db)
    view = grow_view()
    view.tabs.setCurrentIndex(1)
    shipped = TODAY - dt.timedelta(days=400)
    qtbot.keyClicks(view.evidence_text, "Shipped the warehouse")
    view.evidence_day.setDate(qdate(shipped))
    qtbot.mouseClick(view.evidence_button, Qt.MouseButton.LeftButton)
    assert [(e.text, e.day) for e in grow.evidence()] == [("Shipped the warehouse", shipped)]
    assert view.evidence_list.item(0).text().startswith(f"{text.short_day(shipped)} · Project shipped")
    assert view.evidence_day.date() == qdate(TODAY)
    view.tabs.setCurrentIndex(2)
    asked = TODAY - dt.timedelta(days=45)
    qtbot.keyClicks(view.challenge_what, "Lead the vendor review")
    qtbot.keyClicks(view.challenge_of, "Dana")
    view.challenge_day.setDate(qdate(asked))
    qtbot.mouseClick(view.challenge_button, Qt.MouseButton.LeftButton)
    assert [(c.what, c.asked_on) for c in grow.challenges()] == [("Lead the vendor review", asked)]
    assert view.challenge_list.item(0).text().startswith(text.short_day(asked))
    assert view.challenge_summary.text() == "You asked for more responsibility 1 time; 0 granted."


def test_a_gap_without_a_goal_counts_as_zero_and_the_heading_says_so(grow_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(db)
    grow.set_target("Senior Analyst", by=TODAY - dt.timedelta(days=1))
    sql = grow.add_gap("SQL", "skill")
    goal = grow.add_goal("Course", sql)
    for title in ("One", "Two", "Three"):
        grow.add_milestone(goal, title)
    grow.set_milestone_done(grow.goal(goal).milestones[0].id)
    visibility = grow.add_gap("Stakeholder visibility", "visibility")
    view = grow_view()
    view.refresh()
    heading = view.target_label.text()
    assert (
        "17 % of the way: the mean of 2 gaps; &#x27;Stakeholder visibility&#x27; has no goal yet" in heading
    )
    assert "counts as 0 %." in heading and "33 %" not in heading
    assert "(that date has passed)" in heading
    assert find(view, "gap", visibility).siblingAtColumn(1).data() == "no goal"
    assert find(view, "gap", sql).siblingAtColumn(1).data() == "33 %"


@pytest.mark.parametrize("size", [(900, 600), (960, 540)])  # the smallest asked for; 1920×1080 at 200 %
def test_every_part_of_grow_is_usable_in_a_small_window(window, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(window.db)
    grow.set_target("Senior Analyst", by=TODAY + dt.timedelta(days=300))
    gap = grow.add_gap("Present to leadership with confidence", "skill")
    grow.add_goal("Present the quarterly forecast myself", gap, due=TODAY + dt.timedelta(days=40))
    grow.add_challenge("Lead the billing migration", "Dana")
    window.resize(*size)
    view = open_grow(window, qtbot)
    view.refresh()
    qtbot.waitUntil(lambda: window.width() == size[0] and window.height() == size[1], timeout=2000)
    qtbot.wait(50)  # the layout follows the texts refresh set
    line = view.target_label.fontMetrics().lineSpacing()
    assert view.target_label.height() < 4 * line  # the title on one line, its progress on one or two
    assert fully_shown(view.target_label)
    for widget in (
        view.target_title,
        view.target_by,
        view.target_button,
        view.case_button,
        view.case_print,
        view.gap_kind,
        view.gap_title,
        view.gap_good,
        view.gap_button,
        view.goal_title,
        view.goal_start,
        view.goal_due,
        view.goal_button,
        view.milestone_title,
        view.milestone_button,
        view.delete_button,
    ):
        assert fully_shown(widget), widget.accessibleName() or widget.text()  # type: ignore[attr-defined]
    assert view.tree.header().sectionSize(0) > 120  # titles keep room beside progress, due and pace
    assert (
        view.tree.header().sectionPosition(3) + view.tree.header().sectionSize(3)
        <= view.tree.viewport().width()
    )
    evidence = (view.evidence_text, view.evidence_result, view.evidence_kind, view.evidence_gap)
    challenges = (view.challenge_what, view.challenge_of, view.challenge_day, view.challenge_button)
    panels = {
        0: (view.goal_status, view.goal_started, view.goal_due_edit, view.goal_percent, view.goal_save),
        1: (*evidence, view.evidence_day, view.evidence_button),
        2: (*challenges, *view.answer_buttons.values()),
    }
    for tab, widgets in panels.items():
        view.tabs.setCurrentIndex(tab)
        assert view.tabs.tabBar().tabRect(tab).right() <= view.tabs.tabBar().width()  # every tab's name shows
        qtbot.wait(20)
        for widget in widgets:
            assert fully_shown(widget), (tab, widget.accessibleName() or widget.text())  # type: ignore[attr-defined]
        assert view.challenge_list.height() >= 2 * line if tab == 2 else True
