"""How every Trends plot looks at the sizes a window gives it: the legend never covers the title or the data,
dates are read without an offset label, every line is named, and a day's point shows on a dark background."""

from __future__ import annotations

import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text

from rutjournal.core.trends.plot_data import read_plot_data
from rutjournal.render.plots import DARK, PlotOptions
from rutjournal.render.plots.drawing import PLOTS, new_figure
from tests.test_plots import RANGE, seed

# The canvas a Trends chart gets: 900 × 600 (680 × 360 px), 1280 × 800 (1060 × 360 px), and 900 × 600 at 200 %.
SIZES = {"900x600": ((6.8, 3.6), 100), "1280x800": ((10.6, 3.6), 100), "900x600@2x": ((6.8, 3.6), 200)}
DATED = ("mood", "workload", "decisions", "goals")


def drawn(db, name: str, size: str, dark: bool = False) -> Figure:  # type: ignore[no-untyped-def]
    inches, dpi = SIZES[size]
    figure = new_figure()
    figure.set_size_inches(*inches)
    figure.set_dpi(dpi)
    FigureCanvasAgg(figure)
    PLOTS[name](figure, read_plot_data(db, name, RANGE), RANGE, PlotOptions(dark=dark))
    figure.canvas.draw()
    return figure


def legends(figure: Figure) -> list[Legend]:
    return [*figure.legends, *(ax.get_legend() for ax in figure.axes if ax.get_legend() is not None)]


def titles(ax: Axes) -> list[Text]:
    return [
        t
        for t in ax.findobj(Text)
        if t.get_text() and t.get_text() in (ax.get_title(loc="left"), ax.get_title())
    ]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PLOTS))
def test_the_legend_covers_neither_the_title_nor_the_data(db, name: str, size: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = drawn(db, name, size)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [legend.get_window_extent(renderer) for legend in legends(figure)]
    assert boxes, "a legend says what each colour and line is"
    whole = figure.bbox
    for box in boxes:
        assert whole.x0 - 1 <= box.x0 and box.x1 <= whole.x1 + 1 and whole.y0 - 1 <= box.y0, "clipped"
        for ax in figure.axes:
            assert not box.overlaps(ax.get_window_extent(renderer)), f"over the data of {name}"
            for title in titles(ax):
                assert not box.overlaps(title.get_window_extent(renderer)), f"over the title of {name}"


@pytest.mark.parametrize("name", DATED)
def test_dates_are_read_without_an_offset_label(db, name: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = drawn(db, name, "900x600")
    axis = figure.axes[-1].xaxis
    assert axis.get_offset_text().get_text() == ""  # no "2026-Mar" under the axis
    labels = [t.get_text() for t in axis.get_ticklabels() if t.get_text()]
    assert labels and all(any(m in label for m in ("Jan", "Feb", "Mar")) for label in labels), labels
    assert any("2026" in label for label in labels)  # the year, once


@pytest.mark.parametrize("name", list(PLOTS))
def test_every_line_is_named_in_the_legend(db, name: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = drawn(db, name, "900x600")
    named = {t.get_text() for legend in legends(figure) for t in legend.get_texts()}
    for ax in figure.axes:
        for line in ax.lines:
            assert line.get_label() in named, f"{name}: an unnamed line ({line.get_label()})"
    if name == "hours_vs_mood":
        assert {"trend (least squares)", "8 h a day (40-hour week)"} <= named


@pytest.mark.parametrize("name", ["mood", "workload"])
def test_a_days_point_shows_on_the_dark_background(db, name: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = drawn(db, name, "900x600", dark=True)
    assert figure.get_facecolor()[:3] == pytest.approx(
        tuple(int(DARK.background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    )
    dots = [c for ax in figure.axes for c in ax.collections if isinstance(c, PathCollection)]
    assert dots
    assert all((c.get_alpha() or 1.0) >= 0.6 for c in dots)
