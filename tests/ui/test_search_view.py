"""Searching from the window: Ctrl+F, ranked highlighted results, opening a day, friendly errors."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from rutjournal.core.journal.service import Journal
from rutjournal.core.values import Scores
from rutjournal.ui.search.search_model import DayRole, HtmlRole

DAY1 = dt.date(2026, 3, 2)
DAY2 = dt.date(2026, 3, 9)


def seed(window) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(window.db)
    journal.save(DAY1, "Asked about the promotion path. Status report again.", Scores(mood=2), ["meeting"])
    journal.save(DAY2, "A quiet day. <b>not bold</b> and a promotion rumour.", Scores(), [])
    journal.save(dt.date(2026, 3, 10), "Nothing to see here.", Scores(), ["meeting"])


def search_for(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus() or window.focusWidget() is window.search_box
    window.search_box.selectAll()
    qtbot.keyClicks(window.search_box, text)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def days(window) -> list[dt.date]:  # type: ignore[no-untyped-def]
    model = window.search_view.model
    return [model.data(model.index(r), DayRole) for r in range(model.rowCount())]


def test_prefix_search_ranks_and_highlights(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "promot*")
    assert window.current_section() == "search"
    assert sorted(days(window)) == [DAY1, DAY2]
    html = [window.search_view.model.data(window.search_view.model.index(r), HtmlRole) for r in range(2)]
    assert any("<b>promotion</b>" in h for h in html)
    assert any("&lt;b&gt;not bold&lt;/b&gt;" in h for h in html)  # the user's text is shown, not rendered
    assert "2 entries match" in window.search_view.message.text()


def test_tag_and_phrase_queries(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "#meeting")
    assert sorted(days(window)) == [DAY1, dt.date(2026, 3, 10)]
    search_for(window, qtbot, '"status report"')
    assert days(window) == [DAY1]


def test_search_as_you_type(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "quiet")
    qtbot.waitUntil(lambda: days(window) == [DAY2], timeout=1000)


def test_clicking_a_result_opens_that_day(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "rumour")
    view = window.search_view.results
    rect = view.visualRect(window.search_view.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "journal"
    assert window.journal_view.day == DAY2
    assert "promotion rumour" in window.journal_view.editor.text()


def test_enter_on_a_result_opens_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "status")
    assert window.search_view.results.hasFocus()
    qtbot.keyClick(window.search_view.results, Qt.Key.Key_Return)
    assert window.journal_view.day == DAY1


def test_a_query_fts5_cannot_parse_gets_a_friendly_message(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, '"unbalanced')
    assert days(window) == []
    message = window.search_view.message.text()
    assert message.startswith("Could not understand the search")
    assert "promot*" in message and "#meeting" in message


def test_no_match_says_so(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "zebra")
    assert "No entries match" in window.search_view.message.text()
    assert (
        window.search_view.body.currentWidget() is window.search_view.help
    )  # how to search, not a blank box
    search_for(window, qtbot, "quiet")
    assert window.search_view.body.currentWidget() is window.search_view.results


def test_escape_clears_and_returns_to_the_journal(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "quiet")
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    assert window.current_section() == "journal"


def test_results_follow_edits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    search_for(window, qtbot, "brandnewword")
    assert days(window) == []
    window.open_day(dt.date(2026, 3, 10))
    qtbot.keyClicks(window.journal_view.editor.editor, " brandnewword")
    window.journal_view.flush()
    assert days(window) == [dt.date(2026, 3, 10)]


def test_results_model_passes_the_model_tester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    seed(window)
    window.search_view.run("promot* OR #meeting")
    qtmodeltester.check(window.search_view.model)
