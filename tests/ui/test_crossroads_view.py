"""The Crossroads section: the check-in offered by a banner, the signals, the verdict, the tracker."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from rutjournal.core.crossroads.service import Crossroads
from rutjournal.ui.crossroads.crossroads_view import CHECKIN_TAB, HISTORY_TAB, TRACKER_TAB, CrossroadsView

TODAY = dt.date(2026, 11, 26)
KEYS = ["room", "options", "learning", "dread", "followups", "recognition", "energy", "recommend"]


def everything(score: int, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(KEYS, score), **overrides}


def add_moods(db, last: dt.date, count: int) -> None:  # type: ignore[no-untyped-def]
    with db.reader() as conn:
        conn.executemany(
            "INSERT INTO entries (day, body, mood, created_at, updated_at) VALUES (?, '', 3, 'x', 'x')",
            [((last - dt.timedelta(days=i)).isoformat(),) for i in range(count)],
        )


@pytest.fixture
def view(qtbot, db):  # type: ignore[no-untyped-def]
    widget = CrossroadsView()
    qtbot.addWidget(widget)
    widget.set_crossroads(Crossroads(db))
    widget.show()
    return widget


@pytest.fixture
def make_view(qtbot, db):  # type: ignore[no-untyped-def]
    """A view on a fixed clock (2026-11-26), built after the test has put its data in."""

    def make() -> CrossroadsView:
        widget = CrossroadsView()
        qtbot.addWidget(widget)
        widget.set_crossroads(Crossroads(db, today=lambda: TODAY))
        widget.resize(900, 560)
        widget.show()
        return widget

    return make


def answer_all(qtbot, view: CrossroadsView, score: int, **overrides: int) -> None:  # type: ignore[no-untyped-def]
    for key, selector in view.answers.items():
        qtbot.mouseClick(selector.group.button(overrides.get(key, score)), Qt.MouseButton.LeftButton)


def test_the_banner_offers_the_check_in_and_saving_it_stores_every_answer(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    assert view.banner.isVisible() and "check-in" in view.banner_text.text()
    qtbot.mouseClick(view.take_checkin, Qt.MouseButton.LeftButton)
    assert view.tabs.currentIndex() == CHECKIN_TAB
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "Answer every question first (8 left)" in view.message.text()
    assert Crossroads(db).checkins() == []
    answer_all(qtbot, view, 4)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = Crossroads(db).checkins()
    assert len(saved) == 1 and saved[0].day == dt.date.today()
    assert set(saved[0].answers.values()) == {4} and set(saved[0].answers) == set(view.answers)
    assert not view.banner.isVisible()
    assert not view.save_button.isVisible()  # from now on a change saves itself
    assert view.form.intro.text().startswith("Your answers of ")


def test_the_saved_check_in_is_shown_after_a_restart(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.show_section("crossroads")
    view = first.crossroads_view
    answer_all(qtbot, view, 4, room=2, dread=1)
    qtbot.keyClicks(view.form.note, "reorg again")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    first.close()

    second = make_window()  # opens on the section it was closed on
    again = second.crossroads_view
    qtbot.waitUntil(lambda: again.crossroads is not None, timeout=3000)
    assert {key: s.value() for key, s in again.answers.items()} == everything(4, room=2, dread=1)
    assert again.form.note.text() == "reorg again"
    assert again.save_button.isHidden()  # nothing to save: it is saved
    assert again.history.model.rowCount() == 1
    assert again.tabs.tabText(HISTORY_TAB) == "Check-ins so far (1)"


def test_a_change_to_this_months_check_in_saves_itself(make_view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    crossroads = Crossroads(db, today=lambda: TODAY)
    first_id = crossroads.save_checkin(dt.date(2026, 11, 3), everything(3), "flat")
    view = make_view()
    view.show_checkin()
    assert view.answers["room"].value() == 3 and view.form.note.text() == "flat"
    assert "Tue 3 Nov 2026" in view.form.intro.text()
    qtbot.mouseClick(view.answers["room"].group.button(5), Qt.MouseButton.LeftButton)
    [stored] = crossroads.checkins()
    assert (stored.id, stored.day, stored.answers["room"]) == (first_id, dt.date(2026, 11, 3), 5)
    qtbot.keyClicks(view.form.note, " but better")
    qtbot.waitUntil(lambda: crossroads.checkins()[0].note == "flat but better", timeout=3000)
    qtbot.mouseClick(view.answers["energy"].group.button(3), Qt.MouseButton.LeftButton)  # cleared
    assert "Answer every question to save the change (1 left)" in view.message.text()
    assert crossroads.checkins()[0].answers["energy"] == 3  # nothing half-saved


def test_a_re_read_leaves_a_change_being_typed_alone(make_view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    view.show_checkin()
    answer_all(qtbot, view, 2)  # not saved yet
    view.refresh()  # as another process's write would have it
    assert all(s.value() == 2 for s in view.answers.values())


def test_earlier_check_ins_can_be_read_but_not_changed(make_view, qtbot, qtmodeltester, db) -> None:  # type: ignore[no-untyped-def]
    crossroads = Crossroads(db, today=lambda: TODAY)
    crossroads.save_checkin(dt.date(2026, 10, 1), everything(4, room=1, dread=2), "good month")
    crossroads.save_checkin(dt.date(2026, 11, 3), everything(3, room=2, dread=3))
    view = make_view()
    view.tabs.setCurrentIndex(HISTORY_TAB)
    history = view.history
    qtmodeltester.check(history.model)
    qtmodeltester.check(history.answers_model)
    model = history.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Tue 3 Nov 2026", "Thu 1 Oct 2026"]
    assert [model.index(r, 1).data() for r in range(2)] == ["2.9 / 5", "3.6 / 5"]
    assert "Tue 3 Nov 2026" in history.heading.text() and history.note.text() == "No note."
    history.list.selectRow(1)
    assert "Thu 1 Oct 2026" in history.heading.text()
    assert history.note.text() == "Note: good month"
    answers = history.answers_model
    assert answers.rowCount() == 8
    assert answers.index(0, 0).data() == "How much room is left for you to move up or grow where you are?"
    assert answers.index(0, 1).data() == "1 (none at all, I have hit the ceiling)"
    assert answers.index(3, 1).data() == "2"
    assert not answers.flags(answers.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert history.answers.editTriggers() == history.answers.EditTrigger.NoEditTriggers


def test_day_one_the_verdict_says_it_is_too_early_and_what_it_needs(make_view, qtmodeltester, db) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 2)
    view = make_view()
    assert "Too early to say" in view.verdict.verdict_label.text()
    assert "Stay" not in view.verdict.verdict_label.text()
    reasons = view.verdict.reason_lines()
    assert reasons[0] == (
        "Too early for a verdict: it needs 12 more days of entries with a mood (2 of 14 in the last 90 days) "
        "and a first monthly check-in."
    )
    qtmodeltester.check(view.verdict.signals_model)
    signals = view.verdict.signals_model
    assert signals.rowCount() == 17
    assert signals.index(1, 2).data() == "· not enough data"
    assert all(signals.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(signals.rowCount()))


def test_after_the_first_check_in_a_low_answer_is_not_called_worse(make_view, db) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 14)
    Crossroads(db, today=lambda: TODAY).save_checkin(dt.date(2026, 11, 20), everything(4, room=2, dread=2))
    view = make_view()
    signals = view.verdict.signals_model
    room = next(r for r in range(signals.rowCount()) if signals.index(r, 0).data() == "Room to advance")
    assert signals.index(room, 1).data() == "2 / 5 (first answer, nothing to compare with)"
    assert signals.index(room, 2).data() == "· nothing to compare with yet"
    assert "Push" in view.verdict.verdict_label.text()


def test_the_job_search_tracker_stays_folded_until_opened(view, qtbot, qtmodeltester, db) -> None:  # type: ignore[no-untyped-def]
    assert not view.tabs.isTabVisible(TRACKER_TAB)
    qtbot.mouseClick(view.tracker_button, Qt.MouseButton.LeftButton)
    assert view.tabs.isTabVisible(TRACKER_TAB) and view.tabs.currentIndex() == TRACKER_TAB
    tracker = view.tracker
    assert tracker.stage_counts.text() == "No applications yet: add one below."
    qtbot.keyClicks(tracker.company, "Acme")
    qtbot.keyClicks(tracker.role, "Senior Analyst")
    tracker.stage.setCurrentIndex(tracker.stage.findData("applied"))
    qtbot.mouseClick(tracker.add_application, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tracker.company, "Globex")
    qtbot.keyClicks(tracker.role, "Lead")
    tracker.stage.setCurrentIndex(tracker.stage.findData("idea"))
    qtbot.keyClick(tracker.role, Qt.Key.Key_Return)
    assert [(a.company, a.stage) for a in Crossroads(db).applications()] == [
        ("Acme", "applied"),
        ("Globex", "idea"),
    ]
    assert tracker.stage_counts.text() == "So far: 1 idea, 1 applied."
    qtmodeltester.check(tracker.model)
    assert tracker.model.index(0, 2).data() == "Applied"
    tracker.applications.selectRow(0)
    tracker.move_to.setCurrentIndex(tracker.move_to.findData("interview"))
    qtbot.mouseClick(tracker.move_stage, Qt.MouseButton.LeftButton)
    assert [a.stage for a in Crossroads(db).applications()] == ["interview", "idea"]
    assert tracker.stage_counts.text() == "So far: 1 idea, 1 at interview."
    qtbot.mouseClick(view.tracker_button, Qt.MouseButton.LeftButton)
    assert not view.tabs.isTabVisible(TRACKER_TAB)


def visible_rows(table) -> int:  # type: ignore[no-untyped-def]
    """How many rows of a table are wholly in sight."""
    port = table.viewport().rect()
    model = table.model()
    return sum(
        port.contains(table.visualRect(model.index(r, 0, QModelIndex()))) for r in range(model.rowCount())
    )


def test_every_part_is_usable_in_a_900_by_600_window(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.demo import build_demo

    window = make_window()
    assert window.db is not None
    build_demo(window.db, dt.date.today())
    window.resize(900, 600)
    window.show_section("crossroads")
    view = window.crossroads_view
    qtbot.wait(50)
    size = view.size()
    hint = view.minimumSizeHint()
    assert hint.width() <= size.width() and hint.height() <= size.height()
    assert visible_rows(view.verdict.signals) >= 6  # the signals can be read, not a sliver
    view.show_checkin()
    qtbot.wait(50)
    view.form.ensureWidgetVisible(view.form.note)  # every question and the note can be scrolled to
    qtbot.wait(20)
    assert not view.form.note.visibleRegion().isEmpty()
    view.tabs.setCurrentIndex(HISTORY_TAB)
    qtbot.wait(20)
    assert visible_rows(view.history.answers) == 8  # a whole check-in in sight


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


# -- the steps a verdict names ------------------------------------------------------------------------------------
def fill(db, last: dt.date, scores: tuple[int, int, int, float, int], days: int = 60) -> None:  # type: ignore[no-untyped-def]
    """``days`` days up to ``last``, each with (mood, energy, challenge, hours, load)."""
    with db.reader() as conn:
        conn.executemany(
            "INSERT INTO entries (day, body, mood, energy, challenge, hours, load, created_at, updated_at) "
            "VALUES (?, '', ?, ?, ?, ?, ?, 'x', 'x')",
            [((last - dt.timedelta(days=i)).isoformat(), *scores) for i in range(days)],
        )


def bored_and_overloaded(db, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.load.service import Load

    fill(db, today, (3, 2, 1, 11.0, 5))  # 55 h in a five-day week, load 5, energy 2, challenge 1
    Crossroads(db, today=lambda: today).save_checkin(today - dt.timedelta(days=2), everything(3))
    load = Load(db)
    load.add("Core analysis", minutes_per_week=30 * 60, in_jd="yes")
    admin = load.add("Office admin", minutes_per_week=6 * 60, in_jd="partly")
    load.decide(admin, "delegate", to="a temp")


def test_a_push_names_its_steps_strongest_first_each_with_its_reasons(make_view, db) -> None:  # type: ignore[no-untyped-def]
    bored_and_overloaded(db, TODAY)
    view = make_view()
    panel = view.verdict
    assert "Push — lighten your load first, then find new challenges." in panel.verdict_label.text()
    assert [b.text() for b in panel.step_buttons] == [
        "1. Lighten your load: open Load",
        "2. Find new challenges: open Grow",
    ]
    assert panel.step_buttons[0].toolTip().startswith("Your pending decisions would free 6 h/week")
    lines = panel.reason_lines()
    assert lines[0] == "1. Lighten your load"
    assert lines[1] == (
        "– Hours worked: 55 h in a five-day week (11 h a day, 30 days worked in the last 30), 15 h above the "
        "40-hour line — 45 h or more in a five-day week calls for a lighter load."
    )
    assert (
        "2. Find new challenges" in lines and "How it adds up" in lines and "Since the last reading" in lines
    )
    assert lines[-1] == (
        "The same verdict as on Tue 27 Oct 2026, 30 days ago: push (lighten your load, find new challenges)."
    )
    headings = [panel.reasons_model.item(r).font().bold() for r in range(len(lines))]
    assert [line for line, bold in zip(lines, headings, strict=True) if bold] == [
        "1. Lighten your load",
        "2. Find new challenges",
        "How it adds up",
        "Since the last reading",
    ]


def test_stay_says_no_step_is_called_for_and_why(make_view, db) -> None:  # type: ignore[no-untyped-def]
    fill(db, TODAY, (4, 4, 4, 8.0, 3))
    Crossroads(db, today=lambda: TODAY).save_checkin(dt.date(2026, 11, 20), everything(4, dread=2))
    view = make_view()
    assert "Stay — no step is called for." in view.verdict.verdict_label.text()
    assert view.verdict.step_buttons == [] and view.verdict.steps_bar.isHidden()
    assert (
        "Lighten your load — not called for: hours worked 40 h (counts at 45 h or more), perceived load 3 "
        "(counts at 4 or more), outside your job description not known yet." in view.verdict.reason_lines()
    )


def test_a_step_button_switches_the_window_to_its_section(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.db is not None
    bored_and_overloaded(window.db, dt.date.today())
    window.show_section("crossroads")
    panel = window.crossroads_view.verdict
    qtbot.waitUntil(lambda: len(panel.step_buttons) == 2, timeout=3000)
    qtbot.mouseClick(panel.step_buttons[0], Qt.MouseButton.LeftButton)
    assert window.current_section() == "load"
    assert window.load_view.load is not None  # the section is filled, not an empty page
    window.show_section("crossroads")
    qtbot.mouseClick(panel.step_buttons[1], Qt.MouseButton.LeftButton)
    assert window.current_section() == "grow"


def test_leave_points_to_the_job_search_tracker(make_view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.guidance.service import Guidance

    fill(db, TODAY, (3, 3, 3, 8.0, 3))
    Crossroads(db, today=lambda: TODAY).save_checkin(dt.date(2026, 11, 20), everything(3, room=1, options=2))
    guidance = Guidance(db, today=lambda: TODAY)
    guidance.add_conversation(dt.date(2026, 11, 2), "Dana", "boss", held=True)
    guidance.add_promotion(dt.date(2026, 11, 5), "refused", reason="no budget")
    view = make_view()
    assert "Leave — the signals say the room has run out." in view.verdict.verdict_label.text()
    [button] = view.verdict.step_buttons
    assert button.text() == "Know when to leave: open the job-search tracker"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.tabs.isTabVisible(TRACKER_TAB) and view.tabs.currentIndex() == TRACKER_TAB
