"""The Trends section, opened through the window the way a user opens it."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from PySide6.QtCore import Qt

from rutjournal.core.grow.service import Grow
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.values import Scores
from rutjournal.render.plots import TITLES
from rutjournal.render.plots.drawing import has_data


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


def open_trends(qtbot, window):  # type: ignore[no-untyped-def]
    window.show_section("trends")
    view = window.trends_view
    qtbot.waitUntil(lambda: view.panels["mood"].canvas is not None, timeout=10000)
    return view


def test_the_wheel_over_a_chart_scrolls_the_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    seed(window.db)
    window.resize(900, 600)
    view = open_trends(qtbot, window)
    qtbot.waitUntil(lambda: drawn(view, "mood"), timeout=5000)
    bar = view.scroll_area.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    canvas = view.panels["mood"].canvas
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    for _ in range(3):  # three notches down, the pointer over the chart
        wheel = QWheelEvent(
            centre,
            QPointF(canvas.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(canvas, wheel)
    assert bar.value() > 0  # the page moved, as it does over the scroll bar


def test_the_first_open_says_drawing_charts_and_the_window_stays_alive(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """matplotlib loads in the background: the page and a busy sign show at once, the event loop keeps running."""
    import time

    from PySide6.QtCore import QTimer

    from rutjournal.ui.trends import chart_loader

    seed(window.db)
    slow = chart_loader._load

    def slow_load() -> None:  # as on a cold disk, where the import and the font cache take seconds
        time.sleep(0.6)
        slow()

    monkeypatch.setattr(chart_loader, "_load", slow_load)
    monkeypatch.setattr(chart_loader.ChartLoader, "_thread", None)  # as in a process that has not loaded it
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    window.show_section("trends")
    view = window.trends_view
    panel = view.panels["mood"]
    qtbot.wait(50)
    assert panel.placeholder.isVisible() and panel.busy.isVisible()
    assert panel.waiting.text() == "Drawing charts…"
    assert view.range_label.text()  # the page itself is there: range, controls
    started = len(ticks)
    qtbot.waitUntil(lambda: drawn(view, "mood"), timeout=10000)
    timer.stop()
    assert len(ticks) - started >= 10  # the window answered all through the load (~30 ticks of 20 ms)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 1.0  # one chart at a time, never the whole page in one go
    qtbot.waitUntil(lambda: not panel.placeholder.isVisible() and panel.canvas.isVisible(), timeout=5000)


def test_kept_and_freed_hours_show_as_bars_in_every_range(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seed(window.db)  # 10 h a week kept, 2 h dropped and done today
    view = open_trends(qtbot, window)
    for index in range(view.range_box.count()):
        view.range_box.setCurrentIndex(index)
        view.draw("decisions")
        figure = view.panels["decisions"].figure
        heights = sorted(round(p.get_height(), 2) for p in figure.axes[0].patches if p.get_height() > 0)
        assert heights == [2.0, 10.0], view.range_box.currentText()  # this week: kept, with dropped on top
        reading = view.panels["decisions"].reading.text()
        assert "freed 2 h/week (dropped 2 h) and kept 10 h/week" in reading


def test_an_entry_dated_in_the_future_is_counted_not_drawn(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.dates import num2date

    from tests.rut import rut

    seed(window.db)
    today = dt.date.today()
    assert (
        rut("add", "--date", (today + dt.timedelta(days=180)).isoformat(), "--mood", "4", "x").returncode == 0
    )
    view = open_trends(qtbot, window)
    view.range_box.setCurrentIndex(3)  # all time
    from rutjournal.core import text

    assert view.range_label.text().endswith(
        f"to {text.day(today)} (59 days); 1 entry dated after today is not shown"
    )
    view.draw_all()
    for name in ("mood", "workload", "decisions", "goals"):
        ax = view.panels[name].figure.axes[-1]
        assert num2date(ax.get_xlim()[1]).date() <= today + dt.timedelta(days=1), name  # no empty months
    assert f"days of {today.year} so far" in view.panels["year"].reading.text()


def test_every_chart_fits_a_900_by_600_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seed(window.db)
    window.resize(900, 600)
    view = open_trends(qtbot, window)
    view.draw_all()
    qtbot.wait(50)
    assert not view.scroll_area.horizontalScrollBar().isVisible()
    for name, panel in view.panels.items():
        figure, canvas = panel.figure, panel.canvas
        canvas.draw()
        ratio = canvas.devicePixelRatioF()
        assert abs(figure.bbox.width - canvas.width() * ratio) <= 2, name  # drawn for the width it has
        renderer = canvas.get_renderer()
        for legend in figure.legends:
            box = legend.get_window_extent(renderer)
            assert box.x0 >= -1 and box.x1 <= figure.bbox.width + 1, name  # whole, not clipped


def test_the_trends_page_is_built_without_matplotlib() -> None:
    """What the first frame needs imports no matplotlib: it is loaded off the GUI thread, after the page shows."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from rutjournal.ui.trends.trends_view import TrendsView\n"
        "view = TrendsView()\n"
        "print(sorted(m for m in ('matplotlib', 'numpy') if m in sys.modules), len(view.panels))\n"
    )
    done = subprocess.run(  # a fresh process: what is imported shows only there
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )
    assert done.stdout.strip() == "[] 7", done.stderr
