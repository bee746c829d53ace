"""Every Trends plot draws data on a seeded journal and only words on an empty one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow import Grow
from rutjournal.core.journal import Journal
from rutjournal.core.load import Load
from rutjournal.core.trends import DateRange
from rutjournal.core.values import Scores
from rutjournal.plots import PlotOptions
from rutjournal.plots.drawing import PLOTS, has_data, new_figure, save_plot

TODAY = dt.date(2026, 3, 31)
RANGE = DateRange.last_days(90, TODAY)


def seed(db) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(db)
    for back in range(80):
        day = TODAY - dt.timedelta(days=back)
        if back % 9 == 4:
            continue  # a gap
        scores = Scores(
            mood=1 + (back * 7) % 5,
            energy=1 + (back * 3) % 5,
            challenge=1 + back % 5,
            load=1 + (back * 2) % 5,
            hours=float(4 + back % 7),
        )
        journal.save(day, f"day {back}", scores, [])
    load = Load(db)
    kept = load.add("Code review", minutes_per_week=600)
    freed = load.add("Status report", minutes_per_week=120)
    load.decide(kept, "keep")
    load.decide(freed, "delegate", to="Sam")
    load.done(freed, on=TODAY - dt.timedelta(days=20))
    with db.reader() as conn:
        conn.execute("UPDATE tasks SET created_at = '2026-01-05 09:00:00.000000'")
    grow = Grow(db, today=lambda: TODAY - dt.timedelta(days=60))
    grow.set_target("Team lead")
    gap = grow.add_gap("Lead people", "experience")
    goal = grow.add_goal("Mentor a junior", gap, started_on=TODAY - dt.timedelta(days=60))
    steps = [grow.add_milestone(goal, f"step {i}") for i in range(3)]
    grow.set_milestone_done(steps[0], on=TODAY - dt.timedelta(days=30))


def words(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.texts)


@pytest.mark.parametrize("name", list(PLOTS))
@pytest.mark.parametrize("window", [7, 30])
def test_each_plot_draws_data_on_a_seeded_journal(db, name: str, window: int) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = new_figure()
    reading = PLOTS[name](figure, db, RANGE, PlotOptions(window=window))
    assert has_data(figure)
    assert reading and not reading.startswith(("Not enough", "No tasks", "No goals", "No mood"))
    figure.canvas.draw()  # renders without error


@pytest.mark.parametrize("name", list(PLOTS))
def test_an_empty_journal_shows_words_and_no_data_axes(db, name: str) -> None:  # type: ignore[no-untyped-def]
    figure = new_figure()
    reading = PLOTS[name](figure, db, RANGE, PlotOptions(dark=True))
    assert not has_data(figure)
    assert figure.axes == []
    assert reading in words(figure).replace("\n", " ")
    assert reading.startswith(("Not enough", "No "))


def test_gaps_stay_gaps_and_the_line_follows_the_entries_not_the_range(db) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(db)
    for back in [*range(0, 10), *range(40, 50)]:  # two stretches of ten days, a month apart
        journal.save(TODAY - dt.timedelta(days=back), "x", Scores(mood=1 + back % 5), [])
    figure = new_figure()
    PLOTS["mood"](figure, db, DateRange.last_days(36_500, TODAY), PlotOptions(window=7))  # a century
    line = figure.axes[0].lines[0]
    ys = list(line.get_ydata())  # type: ignore[arg-type]
    assert any(y != y for y in ys)  # NaN in the month without entries: the line breaks
    assert len(ys) <= 2 * 2 * 20  # two points a change at most, not one a day of the century
    xs = list(line.get_xdata())  # type: ignore[arg-type]
    assert xs == sorted(xs)


def test_the_year_has_one_square_a_day_coloured_by_mood(db) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = new_figure()
    reading = PLOTS["year"](figure, db, RANGE, PlotOptions())
    image = figure.axes[0].images[0].get_array()
    assert image is not None
    assert image.shape == (7, 53)
    assert "of the 90 days of 2026 so far have a mood" in reading  # the days to come are not counted


def test_the_correlation_is_in_the_title(db) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = new_figure()
    PLOTS["hours_vs_mood"](figure, db, RANGE, PlotOptions())
    assert "r = " in figure.axes[0].get_title(loc="left")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_plot_writes_the_format_of_the_extension(db, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    out = tmp_path / f"mood{suffix}"
    save_plot("mood", db, RANGE, out)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") if suffix == ".png" else b"<svg" in data


def test_save_plot_refuses_bad_names_and_extensions(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(InvalidInput, match="NAME"):
        save_plot("nope", db, RANGE, tmp_path / "x.png")
    with pytest.raises(InvalidInput, match="--out"):
        save_plot("mood", db, RANGE, tmp_path / "x.jpg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", list(PLOTS))
def test_every_plot_draws_an_older_journal_from_year_1_to_9999(db, name: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    with db.reader() as conn:
        for day in ("0001-01-01", "9999-12-31"):
            conn.execute(
                "INSERT INTO entries (day, body, mood, hours, created_at, updated_at) VALUES (?, 'x', 3, 8, ?, ?)",
                (day, "2026-01-01 00:00:00", "2026-01-01 00:00:00"),
            )
    assert DateRange.all_time(db, TODAY) == DateRange(dt.date.min, TODAY)  # all time ends today
    rng = DateRange(dt.date.min, dt.date.max)  # every date a plot may be asked for
    figure = new_figure()
    FigureCanvasAgg(figure)
    assert PLOTS[name](figure, db, rng, PlotOptions())
    figure.canvas.draw()
