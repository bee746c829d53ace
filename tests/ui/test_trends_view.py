"""The Trends section, opened through the window the way a user opens it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from rutjournal.core.grow import Grow
from rutjournal.core.journal import Journal
from rutjournal.core.load import Load
from rutjournal.core.values import Scores
from rutjournal.plots import TITLES
from rutjournal.plots.drawing import has_data


def seed(db) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    journal = Journal(db)
    for back in range(60):
        if back % 8 == 3:
            continue
        scores = Scores(
            mood=1 + (back * 7) % 5,
            energy=1 + (back * 3) % 5,
            challenge=1 + back % 5,
            load=1 + (back * 2) % 5,
            hours=float(5 + back % 6),
        )
        journal.save(today - dt.timedelta(days=back), f"day {back}", scores, [])
    load = Load(db)
    task = load.add("Status report", minutes_per_week=120)
    load.add("Code review", minutes_per_week=600)
    load.decide(task, "drop")
    load.done(task, on=today)
    grow = Grow(db)
    grow.set_target("Team lead")
    goal = grow.add_goal("Mentor a junior", grow.add_gap("Lead people", "experience"))
    step = grow.add_milestone(goal, "first talk")
    grow.add_milestone(goal, "second talk")
    grow.set_milestone_done(step, on=today)


def drawn(view, name: str) -> bool:  # type: ignore[no-untyped-def]
    figure = view.panels[name].figure
    return figure is not None and has_data(figure)


def test_trends_draws_every_plot_with_its_reading(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.db is not None
    seed(window.db)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    view = window.trends_view
    assert window.pages.currentWidget() is view
    assert window.windowTitle() == "rutjournal — Trends"
    assert view.db is not None
    assert list(view.panels) == list(TITLES)
    qtbot.waitUntil(lambda: drawn(view, "mood"), timeout=10000)  # in sight: drawn first
    assert "goals" in view._stale  # far below: not drawn until scrolled to
    for name, panel in view.panels.items():
        view.scroll_area.ensureWidgetVisible(panel)  # the others are drawn as they are scrolled to
        qtbot.waitUntil(lambda n=name: drawn(view, n), timeout=5000)
        assert has_data(panel.figure), name
        assert panel.reading.text(), name
        assert not panel.reading.text().startswith("Not enough"), name
    view.window_box.setCurrentIndex(1)  # the 30-day mean
    view.range_box.setCurrentIndex(3)  # all time
    view.draw_all()
    assert all(has_data(p.figure) for p in view.panels.values())
    out = tmp_path / "out"
    out.mkdir()
    view.save("mood", out / "mood.svg")
    assert "<svg" in (out / "mood.svg").read_text(encoding="utf-8")


def test_saving_through_the_dialog(qtbot, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    seed(window.db)
    window.show_section("trends")
    target = tmp_path / "weekday"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    qtbot.mouseClick(window.trends_view.panels["weekday"].save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "weekday.png").read_bytes().startswith(b"\x89PNG")


def test_an_empty_journal_shows_words(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_section("trends")
    view = window.trends_view
    view.draw_all()
    for name, panel in view.panels.items():
        assert not has_data(panel.figure), name
        texts = " ".join(t.get_text() for t in panel.figure.texts)
        assert texts, name
        assert panel.reading.text().startswith(("Not enough", "No ")), name
