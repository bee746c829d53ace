"""Every Trends plot draws data on a seeded journal and only words on an empty one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.patches import StepPatch

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.service import Grow
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.trends.plot_data import read_plot_data
from rutjournal.core.trends.service import DateRange
from rutjournal.core.values import Scores
from rutjournal.render.plots import PlotOptions
from rutjournal.render.plots.drawing import PLOTS, has_data, new_figure, save_plot

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
    reading = PLOTS[name](figure, read_plot_data(db, name, RANGE), RANGE, PlotOptions(window=window))
    assert has_data(figure)
    assert reading and not reading.startswith(("Not enough", "No tasks", "No goals", "No mood"))
    figure.canvas.draw()  # renders without error


@pytest.mark.parametrize("name", list(PLOTS))
def test_an_empty_journal_shows_words_and_no_data_axes(db, name: str) -> None:  # type: ignore[no-untyped-def]
    figure = new_figure()
    reading = PLOTS[name](figure, read_plot_data(db, name, RANGE), RANGE, PlotOptions(dark=True))
    assert not has_data(figure)
    assert figure.axes == []
    assert reading in words(figure).replace("\n", " ")
    assert reading.startswith(("Not enough", "No "))


def test_gaps_stay_gaps_and_the_line_follows_the_entries_not_the_range(db) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(db)
    for back in [*range(0, 10), *range(40, 50)]:  # two stretches of ten days, a month apart
        journal.save(TODAY - dt.timedelta(days=back), "x", Scores(mood=1 + back % 5), [])
    figure = new_figure()
    PLOTS["mood"](
        figure,
        read_plot_data(db, "mood", DateRange.last_days(36_500, TODAY)),
        DateRange.last_days(36_500, TODAY),
        PlotOptions(window=7),
    )  # a century
    line = figure.axes[0].lines[0]
    ys = list(line.get_ydata())  # type: ignore[arg-type]
    assert any(y != y for y in ys)  # NaN in the month without entries: the line breaks
    assert len(ys) <= 2 * 2 * 20  # two points a change at most, not one a day of the century
    xs = list(line.get_xdata())  # type: ignore[arg-type]
    assert xs == sorted(xs)


def test_the_year_has_one_square_a_day_coloured_by_mood(db) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = new_figure()
    reading = PLOTS["year"](figure, read_plot_data(db, "year", RANGE), RANGE, PlotOptions())
    image = figure.axes[0].images[0].get_array()
    assert image is not None
    assert image.shape == (7, 53)
    assert "of the 90 days of 2026 so far have a mood" in reading  # the days to come are not counted


def test_the_correlation_is_in_the_title(db) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = new_figure()
    PLOTS["hours_vs_mood"](figure, read_plot_data(db, "hours_vs_mood", RANGE), RANGE, PlotOptions())
    assert "r = " in figure.axes[0].get_title(loc="left")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_plot_writes_the_format_of_the_extension(db, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    out = tmp_path / f"mood{suffix}"
    save_plot("mood", read_plot_data(db, "mood", RANGE), RANGE, out, record_dir=db.path.parent)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") if suffix == ".png" else b"<svg" in data


def test_save_plot_refuses_bad_names_and_extensions(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(InvalidInput, match="NAME"):
        save_plot(
            "nope", read_plot_data(db, "nope", RANGE), RANGE, tmp_path / "x.png", record_dir=db.path.parent
        )
    with pytest.raises(InvalidInput, match="--out"):
        save_plot(
            "mood", read_plot_data(db, "mood", RANGE), RANGE, tmp_path / "x.jpg", record_dir=db.path.parent
        )
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
    assert PLOTS[name](figure, read_plot_data(db, name, rng), rng, PlotOptions())
    figure.canvas.draw()


def _mondays(rng: DateRange) -> list[dt.date]:
    monday = rng.first - dt.timedelta(days=rng.first.weekday())
    out = []
    while monday <= rng.last:
        out.append(monday)
        monday += dt.timedelta(days=7)
    return out


@pytest.mark.parametrize("days", [30, 90, 365, None])
def test_kept_and_freed_hours_are_a_bar_a_week_in_every_range(db, days: int | None) -> None:  # type: ignore[no-untyped-def]
    """The weekly numbers are a step function (the weeks that changed); the plot draws every week of the range."""
    seed(db)  # 12 h a week since 5 January, of which 2 h delegated, done on 11 March
    rng = DateRange.all_time(db, TODAY) if days is None else DateRange.last_days(days, TODAY)
    figure = new_figure()
    FigureCanvasAgg(figure)
    PLOTS["decisions"](figure, read_plot_data(db, "decisions", rng), rng, PlotOptions())
    figure.canvas.draw()
    ax = figure.axes[0]
    kept, delegated = ax.containers  # one bar a week in each layer, stacked
    mondays = _mondays(rng)
    assert len(kept) == len(delegated) == len(mondays)
    ends = [min(m + dt.timedelta(days=6), rng.last) for m in mondays]  # each week's state: on its Sunday
    freed = [end >= dt.date(2026, 3, 11) for end in ends]
    expected_kept = [
        0.0 if end < dt.date(2026, 1, 5) else 10.0 if f else 12.0 for end, f in zip(ends, freed, strict=True)
    ]
    expected_freed = [2.0 if f else 0.0 for f in freed]
    assert [round(b.get_height(), 2) for b in kept] == expected_kept
    assert [round(b.get_height(), 2) for b in delegated] == expected_freed
    assert delegated[-1].get_y() == pytest.approx(10.0)  # on top of the kept hours: 12 h that week
    shown = [b for b in ax.patches if b.get_height() > 0]
    assert len(shown) >= 2
    first, last = date2num([rng.first, rng.last])  # type: ignore[no-untyped-call]
    assert min(b.get_x() for b in shown) >= first  # bounded by the range, not by the span of the data
    assert max(b.get_x() + b.get_width() for b in shown) <= last + 1


def test_kept_and_freed_hours_over_decades_are_steps(db) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    figure = new_figure()
    PLOTS["decisions"](
        figure,
        read_plot_data(db, "decisions", DateRange(dt.date(1990, 1, 1), TODAY)),
        DateRange(dt.date(1990, 1, 1), TODAY),
        PlotOptions(),
    )
    steps = [p for p in figure.axes[0].patches if isinstance(p, StepPatch)]
    assert len(steps) == 2  # kept and delegated: a bar a week would be thinner than a pixel
    assert max(float(v) for v in steps[-1].get_data().values) == pytest.approx(12.0)
