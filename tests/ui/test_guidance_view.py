"""The Guidance section: prepare a conversation with a prefilled agenda, follow-ups, promotions."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit

from rutjournal.core import text
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.ui.guidance.guidance_view import GuidanceView
from tests.ui.layout_checks import fully_shown

TODAY = dt.date.today()


@pytest.fixture
def guidance_view(open_view, db):  # type: ignore[no-untyped-def]
    """Opens the view on its own, with its service on the test's journal."""
    return lambda: open_view(GuidanceView, lambda view: view.set_guidance(Guidance(db)))


def open_guidance(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "guidance"
    return window.guidance_view


def test_a_new_conversation_gets_an_agenda_from_open_gaps(guidance_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(db)
    grow.set_target("Senior Analyst")
    grow.add_gap("Leading a team", "experience")
    view = guidance_view()
    qtbot.keyClicks(view.new_with, "Dana")
    view.new_role.setCurrentIndex(view.new_role.findData("boss"))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert "Leading a team" in view.agenda.toPlainText()
    conversation = Guidance(db).conversations()[0]
    assert (conversation.with_name, conversation.role) == ("Dana", "boss")
    view.notes.setPlainText("She suggested the leadership programme.")
    view.save_conversation()
    assert Guidance(db).conversations()[0].notes == "She suggested the leadership programme."


def test_follow_ups_and_the_overdue_list(guidance_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(db)
    conversation = guidance.add_conversation(
        dt.date.today() - dt.timedelta(days=20), "Dana", "boss", held=True, agenda=""
    )
    guidance.add_followup(
        conversation, "Send the programme details", "them", due=dt.date.today() - dt.timedelta(days=5)
    )
    view = guidance_view()
    assert view.overdue.item(0).text().startswith("Dana owes you: Send the programme details")
    assert "5 days late" in view.overdue.item(0).text()
    view.conversations.setCurrentRow(0)
    qtbot.keyClicks(view.followup_text, "Draft my development plan")
    qtbot.keyClick(view.followup_text, Qt.Key.Key_Return)
    assert [f.text for f in guidance.open_followups()] == [
        "Send the programme details",
        "Draft my development plan",
    ]
    first = view.followups.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    assert [f.text for f in guidance.open_followups()] == ["Draft my development plan"]
    assert view.overdue.item(0).text() == "Nothing overdue."


def test_options_and_a_refused_promotion(guidance_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(db)
    guidance.add_conversation(dt.date.today(), "Priya", "hr", agenda="")
    view = guidance_view()
    view.conversations.setCurrentRow(0)
    view.option_kind.setCurrentIndex(view.option_kind.findData("cross_training"))
    qtbot.keyClicks(view.option_said, "Two weeks with the data team")
    qtbot.mouseClick(view.option_button, Qt.MouseButton.LeftButton)
    assert [(o.kind, o.said) for o in guidance.conversations()[0].options] == [
        ("cross_training", "Two weeks with the data team")
    ]
    assert not view.option_remove.isEnabled()  # nothing selected: nothing to remove
    view.option_kind.setCurrentIndex(view.option_kind.findData("seminar"))
    qtbot.mouseClick(view.option_button, Qt.MouseButton.LeftButton)
    view.options.setCurrentRow(1)
    qtbot.mouseClick(view.option_remove, Qt.MouseButton.LeftButton)
    assert [o.kind for o in guidance.conversations()[0].options] == ["cross_training"]
    assert [view.options.item(i).text() for i in range(view.options.count())] == [
        "Cross-training: Two weeks with the data team"
    ]
    assert not view.option_remove.isEnabled()
    view.promotion_outcome.setCurrentIndex(view.promotion_outcome.findData("refused"))
    qtbot.keyClicks(view.promotion_reason, "budget freeze")
    qtbot.mouseClick(view.promotion_button, Qt.MouseButton.LeftButton)
    assert [(p.outcome, p.reason) for p in guidance.promotions()] == [("refused", "budget freeze")]
    assert "budget freeze" in view.promotions.item(0).text()


def test_the_brief_is_saved_for_the_open_conversation(
    guidance_view, db, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    guidance = Guidance(db)
    conversation = guidance.add_conversation(
        dt.date.today(), "Dana", "boss", agenda="- Ask about the programme"
    )
    guidance.add_followup(conversation, "Send the course invoice", "me")
    view = guidance_view()
    out = tmp_path / "brief.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)"))
    qtbot.mouseClick(view.brief_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert "Dana" in text and "Ask about the programme" in text and "Send the course invoice" in text


def test_who_when_and_role_can_be_corrected(guidance_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(db)
    guidance.add_conversation(dt.date(2026, 3, 2), "Dna", "boss", agenda="")
    view = guidance_view()
    view.edit_with.selectAll()
    qtbot.keyClicks(view.edit_with, "Dana")
    view.edit_role.setCurrentIndex(view.edit_role.findData("skip_level"))
    view.held.setChecked(True)
    view.save_conversation()
    saved = guidance.conversations()[0]
    assert (saved.with_name, saved.role, saved.held) == ("Dana", "skip_level", True)
    assert (
        "Dana (Skip-level)" in view.conversations.item(0).text()
        and "held" in view.conversations.item(0).text()
    )


def test_with_no_conversation_the_section_says_what_to_do(guidance_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = guidance_view()
    shown = [edit.text() for edit in view.findChildren(QDateEdit) if edit.isVisible()]
    assert not [day for day in shown if day.endswith("2000")]  # no placeholder date shown as if it were real
    assert view.pages.currentWidget() is view.empty and view.empty.isVisible()
    assert "No conversations yet" in view.empty.text() and "Prepare one on the left" in view.empty.text()
    assert not view.editor.isVisible()  # no fields standing empty, no placeholder date shown as if real
    assert not view.edit_day.isVisible() and "2000" not in view.empty.text()
    qtbot.keyClicks(view.new_with, "Dana")
    held = TODAY - dt.timedelta(days=60)
    view.new_day.setDate(QDate(held.year, held.month, held.day))  # a conversation already held, logged late
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.editor and view.edit_day.isVisible()
    assert [c.day for c in Guidance(db).conversations()] == [held]
    assert view.conversations.item(0).text().startswith(f"{text.day(held)} · planned\nDana (Boss)")
    assert view.edit_day.text() == text.day(held)
    qtbot.mouseClick(view.held, Qt.MouseButton.LeftButton)
    view.save_conversation()
    assert Guidance(db).conversations()[0].held


def test_a_promotion_decision_keeps_its_own_date(guidance_view, db, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = guidance_view()
    told = TODAY - dt.timedelta(days=200)
    view.promotion_outcome.setCurrentIndex(view.promotion_outcome.findData("refused"))
    view.promotion_day.setDate(QDate(told.year, told.month, told.day))
    qtbot.keyClicks(view.promotion_reason, "budget freeze")
    qtbot.mouseClick(view.promotion_button, Qt.MouseButton.LeftButton)
    assert [(p.day, p.outcome) for p in Guidance(db).promotions()] == [(told, "refused")]
    assert view.promotions.item(0).text() == f"{text.short_day(told)}: refused — budget freeze"


@pytest.mark.parametrize("size", [(900, 600), (960, 540)])  # the smallest asked for; 1920×1080 at 200 %
def test_every_part_of_guidance_is_usable_in_a_small_window(window, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(window.db)
    grow.set_target("Senior Analyst")
    for title in ("Present to leadership with confidence", "Lead a cross-team project", "Forecasting models"):
        grow.add_gap(title, "skill")
    guidance = Guidance(window.db)
    conversation = guidance.add_conversation(TODAY + dt.timedelta(days=5), "Dana (my boss)", "boss")
    for n in range(4):
        guidance.add_followup(conversation, f"Follow-up {n}", "them", due=TODAY - dt.timedelta(days=n + 1))
    guidance.add_promotion(TODAY - dt.timedelta(days=80), "refused", reason="budget freeze")
    guidance.add_promotion(TODAY - dt.timedelta(days=40), "pending")
    window.resize(*size)
    view = open_guidance(window, qtbot)
    view.refresh()
    qtbot.waitUntil(lambda: window.width() == size[0] and window.height() == size[1], timeout=2000)
    qtbot.wait(50)
    line = view.agenda.fontMetrics().lineSpacing()
    assert view.agenda.height() >= 4 * line and view.notes.height() >= 3 * line
    assert view.overdue.height() <= 4 * line + 12  # four overdue, three rows shown: the rest scrolls
    for widget in (
        view.agenda,
        view.notes,
        view.outcome,
        view.edit_with,
        view.edit_role,
        view.edit_day,
        view.held,
        view.delete_button,
        view.brief_button,
        view.brief_print,
        view.new_with,
        view.new_day,
        view.new_button,
        view.promotion_outcome,
        view.promotion_day,
        view.promotion_reason,
        view.promotion_button,
    ):
        assert fully_shown(widget), widget.accessibleName() or widget.text()  # type: ignore[attr-defined]
    assert view.editor.tabs.tabText(1) == "Options and follow-ups (4 open)"
    view.editor.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    assert view.options.height() >= 2 * line and view.followups.height() >= 2 * line
    for widget in (
        view.option_kind,
        view.option_said,
        view.option_button,
        view.option_remove,
        view.followup_text,
        view.followup_owner,
        view.followup_due,
        view.followup_button,
    ):
        assert fully_shown(widget), widget.accessibleName() or widget.text()  # type: ignore[attr-defined]
