"""`rutjournal plot NAME --out FILE.(png|svg) [--days N]` and `rutjournal plot --list`, as a user runs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from rutjournal.core.values import Scores
from rutjournal.render.plots import TITLES
from tests.rut import heavy_imports, rut


def test_list_names_every_plot_without_importing_qt() -> None:
    assert heavy_imports(["plot", "--list"], heavy=("PySide6",)) == [[0]]
    done = rut("plot", "--list")
    assert (done.returncode, done.stderr) == (0, ""), done
    lines = done.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(TITLES)
    assert all(line.split("\t")[1] == TITLES[line.split("\t")[0]] for line in lines)


def test_png_and_svg_are_written(tmp_path: Path, journal_with: Callable[..., Path]) -> None:
    today = dt.date.today()
    journal_with(
        entries=[
            (today - dt.timedelta(days=back), "x", Scores(mood=1 + back % 5, hours=float(6 + back % 4)))
            for back in range(14)
        ]
    )
    png, svg = tmp_path / "mood.png", tmp_path / "year.svg"
    done = rut("plot", "mood", "--out", str(png), "--days", "30")
    assert done.returncode == 0, done.stderr
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert str(png) in done.stdout
    done = rut("plot", "year", "--out", str(svg))
    assert done.returncode == 0, done.stderr
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_an_empty_journal_still_gives_an_image_with_words(tmp_path: Path) -> None:
    out = tmp_path / "weekday.png"
    done = rut("plot", "weekday", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "Not enough" in done.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["nope", "--out", "x.png"], "NAME"),
        ([], "NAME"),
        (["mood", "--out", "x.jpg"], "--out"),
        (["mood"], "--out"),
        (["mood", "--out", "x.png", "--days", "0"], "--days"),
        (["mood", "--out", "x.png", "--days", "ten"], "--days"),
        (["mood", "--out", "x.png", "--window", "14"], "--window"),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    tmp_path: Path, args: list[str], field: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [str(out / a) if a.startswith("x.") else a for a in args]
    done = rut("plot", *args)
    assert done.returncode == 2, done.stderr
    assert field in done.stderr
    assert done.stdout == ""
    assert list(out.iterdir()) == []


def test_list_and_a_refused_name_import_no_matplotlib() -> None:
    found = heavy_imports(
        ["plot", "--list"], ["plot", "nope", "--out", "x.png"], heavy=("matplotlib", "numpy")
    )
    assert found == [[0], [2]]  # nothing to draw: nothing of matplotlib


@pytest.mark.parametrize("days", ["30", "90", "365", None])
def test_plot_decisions_draws_this_weeks_bars(tmp_path: Path, monkeypatch, days: str | None) -> None:  # type: ignore[no-untyped-def]
    """A first week with the app: tasks listed, one handed off today; every range shows the week's bars."""
    from rutjournal.render.plots import drawing

    for args in (
        ("task", "add", "Code review", "--hours", "10"),
        ("task", "add", "Status report", "--hours", "2"),
        ("task", "decide", "2", "delegate", "--to", "Sam"),
        ("task", "done", "2"),
    ):
        assert rut(*args).returncode == 0
    figures = []
    new_figure = drawing.new_figure
    monkeypatch.setattr(drawing, "new_figure", lambda: figures.append(new_figure()) or figures[-1])
    out = tmp_path / "decisions.svg"
    done = rut("plot", "decisions", "--out", str(out), *(["--days", days] if days else []))
    assert done.returncode == 0, done.stderr
    assert "freed 2 h/week (delegated 2 h) and kept 10 h/week" in done.stdout
    heights = sorted(round(p.get_height(), 2) for p in figures[-1].axes[0].patches if p.get_height() > 0)
    assert heights == [2.0, 10.0]  # this week's bar: kept, with the delegated hours on top
    assert "<svg" in out.read_text(encoding="utf-8")
