"""The Guidance section: prepare a conversation with a prefilled agenda, follow-ups, promotions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from rutjournal.core.grow import Grow
from rutjournal.core.guidance import Guidance


def open_guidance(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "guidance"
    return window.guidance_view


def test_a_new_conversation_gets_an_agenda_from_open_gaps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    grow = Grow(window.db)
    grow.set_target("Senior Analyst")
    grow.add_gap("Leading a team", "experience")
    view = open_guidance(window, qtbot)
    qtbot.keyClicks(view.new_with, "Dana")
    view.new_role.setCurrentIndex(view.new_role.findData("boss"))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert "Leading a team" in view.agenda.toPlainText()
    conversation = Guidance(window.db).conversations()[0]
    assert (conversation.with_name, conversation.role) == ("Dana", "boss")
    view.notes.setPlainText("She suggested the leadership programme.")
    view.save_conversation()
    assert Guidance(window.db).conversations()[0].notes == "She suggested the leadership programme."


def test_follow_ups_and_the_overdue_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(window.db)
    conversation = guidance.add_conversation(
        dt.date.today() - dt.timedelta(days=20), "Dana", "boss", held=True, agenda=""
    )
    guidance.add_followup(
        conversation, "Send the programme details", "them", due=dt.date.today() - dt.timedelta(days=5)
    )
    view = open_guidance(window, qtbot)
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


def test_options_and_a_refused_promotion(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(window.db)
    guidance.add_conversation(dt.date.today(), "Priya", "hr", agenda="")
    view = open_guidance(window, qtbot)
    view.conversations.setCurrentRow(0)
    view.option_kind.setCurrentIndex(view.option_kind.findData("cross_training"))
    qtbot.keyClicks(view.option_said, "Two weeks with the data team")
    qtbot.mouseClick(view.option_button, Qt.MouseButton.LeftButton)
    assert [(o.kind, o.said) for o in guidance.conversations()[0].options] == [
        ("cross_training", "Two weeks with the data team")
    ]
    view.promotion_outcome.setCurrentIndex(view.promotion_outcome.findData("refused"))
    qtbot.keyClicks(view.promotion_reason, "budget freeze")
    qtbot.mouseClick(view.promotion_button, Qt.MouseButton.LeftButton)
    assert [(p.outcome, p.reason) for p in guidance.promotions()] == [("refused", "budget freeze")]
    assert "budget freeze" in view.promotions.item(0).text()


def test_the_brief_is_saved_for_the_open_conversation(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    guidance = Guidance(window.db)
    conversation = guidance.add_conversation(
        dt.date.today(), "Dana", "boss", agenda="- Ask about the programme"
    )
    guidance.add_followup(conversation, "Send the course invoice", "me")
    view = open_guidance(window, qtbot)
    out = tmp_path / "brief.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)"))
    qtbot.mouseClick(view.brief_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert "Dana" in text and "Ask about the programme" in text and "Send the course invoice" in text


def test_who_when_and_role_can_be_corrected(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(window.db)
    guidance.add_conversation(dt.date(2026, 3, 2), "Dna", "boss", agenda="")
    view = open_guidance(window, qtbot)
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
