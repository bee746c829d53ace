"""The window's search says under its results when only the most recently written matches were ranked."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.journal import store_search
from rutjournal.core.journal.service import Journal
from rutjournal.core.values import Scores
from rutjournal.ui.search import search_view
from tests.ui.test_search_view import days, search_for

FIRST = dt.date(2026, 3, 2)


def test_the_sentence_under_the_results(window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(search_view, "LIMIT", 2)  # a cap of 3 over 5 matches stands for 5,000 over more
    monkeypatch.setattr(store_search, "RANK_CAP", 3)
    journal = Journal(window.db)
    journal.save(FIRST, "promotion promotion promotion", Scores(), [])  # the best, but written first
    for n in range(1, 5):
        journal.save(FIRST + dt.timedelta(days=n), f"promotion, said once on day {n}", Scores(), [])
    journal.save(FIRST + dt.timedelta(days=9), "nothing of the kind", Scores(), [])
    view = window.search_view
    search_for(window, qtbot, "promotion")
    assert FIRST not in days(window) and len(days(window)) == 2
    assert not view.ranked.isHidden()
    assert view.ranked.text() == "Ranked the 3 most recently written of 5 matching entries."
    search_for(window, qtbot, "nothing")
    assert view.ranked.isHidden()
    search_for(window, qtbot, "zebra")
    assert view.ranked.isHidden()
