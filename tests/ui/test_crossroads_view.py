"""The Crossroads section: the check-in offered by a banner, the signals, the verdict, the tracker."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from rutjournal.core.crossroads import Crossroads
from rutjournal.ui.crossroads.crossroads_view import CrossroadsView


@pytest.fixture
def view(qtbot, db):  # type: ignore[no-untyped-def]
    widget = CrossroadsView()
    qtbot.addWidget(widget)
    widget.set_crossroads(Crossroads(db))
    widget.show()
    return widget


def test_the_banner_offers_the_check_in_and_saving_it_stores_every_answer(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    assert view.banner.isVisible() and "check-in" in view.banner.text()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "Answer every question first" in view.message.text()
    assert Crossroads(db).checkins() == []
    for selector in view.answers.values():
        qtbot.mouseClick(selector.group.button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = Crossroads(db).checkins()
    assert len(saved) == 1 and saved[0].day == dt.date.today()
    assert set(saved[0].answers.values()) == {4} and set(saved[0].answers) == set(view.answers)
    assert not view.banner.isVisible()


def test_the_verdict_and_signals_are_shown_with_their_reasons(view) -> None:  # type: ignore[no-untyped-def]
    assert any(word in view.verdict_label.text() for word in ("Stay", "Push", "Leave"))
    assert view.reasons.count() >= 1
    assert "verdict is reached" in view.rule.text()
    assert view.signals.rowCount() >= 5
    assert all(view.signals.item(r, 0).toolTip() for r in range(view.signals.rowCount()))


def test_the_job_search_tracker_stays_folded_until_opened(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    assert not view.tracker.isVisible()
    qtbot.mouseClick(view.tracker_button, Qt.MouseButton.LeftButton)
    assert view.tracker.isVisible()
    qtbot.keyClicks(view.company, "Acme")
    qtbot.keyClicks(view.role, "Senior Analyst")
    view.stage.setCurrentIndex(view.stage.findData("applied"))
    qtbot.mouseClick(view.add_application, Qt.MouseButton.LeftButton)
    assert [(a.company, a.stage) for a in Crossroads(db).applications()] == [("Acme", "applied")]
    assert "applied 1" in view.stage_counts.text()
    view.applications.setCurrentCell(0, 0)
    view.stage.setCurrentIndex(view.stage.findData("interview"))
    qtbot.mouseClick(view.move_stage, Qt.MouseButton.LeftButton)
    assert [a.stage for a in Crossroads(db).applications()] == ["interview"]


def test_the_section_opens_from_the_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "crossroads"
    assert window.crossroads_view.crossroads is not None
    assert window.crossroads_view.banner.isVisible()


def test_the_window_offers_the_check_in_in_a_banner_not_a_dialog(make_window, qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.values import Scores

    journal.save(dt.date.today() - dt.timedelta(days=3), "a first week of entries", Scores(mood=3), [])
    window = make_window()
    qtbot.waitUntil(window.checkin_banner.isVisible, timeout=2000)
    qtbot.mouseClick(window.checkin_later, Qt.MouseButton.LeftButton)
    assert not window.checkin_banner.isVisible()
    window.checkin_banner.show()
    qtbot.mouseClick(window.checkin_go, Qt.MouseButton.LeftButton)
    assert window.current_section() == "crossroads" and not window.checkin_banner.isVisible()


def test_no_banner_once_the_month_has_a_check_in(make_window, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    crossroads = Crossroads(db)
    crossroads.save_checkin(dt.date.today(), {q.key: 3 for q in crossroads.questions()})
    window = make_window()
    qtbot.wait(50)
    assert not window.checkin_banner.isVisible()


def test_no_banner_on_a_journal_with_no_entry_yet(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(100)  # past the moment the banner would be offered
    assert window.db is not None and not window.checkin_banner.isVisible()
