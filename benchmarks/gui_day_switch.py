"""Day switching in the real main window on the 10-year journal, and the process's memory with it open.

    python benchmarks/make_journal.py --data-dir /tmp/rj10
    python benchmarks/gui_day_switch.py --data-dir /tmp/rj10 [--xvfb] [--profile]

One process builds the window the way the app does (create_app, MainWindow, show, open_data) on a copy of the
journal (the benchmark types into it), then times `view.show_day(day)` plus `app.processEvents()`, so the
repaint is included, for three kinds of switch:

  back     consecutive days backwards from yesterday (Alt+Left)
  random   random days across the journal (the month changes: the calendar re-reads its marks)
  typed    a few characters typed into the editor first, so the switch saves the day (consecutive days
           backwards, from a point five years back)

Then 50 searches through the search box (the queries of search_latency.py), and the memory: peak RSS
(getrusage ru_maxrss) and current RSS (/proc/self/status VmRSS). Offscreen platform by default; --xvfb runs
the xcb platform on a private Xvfb instead.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a Qt method that returns nothing;
once None's count reaches zero the process aborts ("Fatal Python error: none_dealloc"), after about a hundred
day switches. The project therefore installs PySide6-Essentials < 6.12. This script reports the references
each switch loses (0 on a sound binding); --none-guard adds 2**40 to None's count first (ctypes), only to
measure on the broken binding.
"""

from __future__ import annotations

import argparse
import cProfile
import ctypes
import datetime as dt
import os
import pstats
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

from _display import xvfb
from search_latency import QUERIES

TARGET_SWITCH_MS = 30.0
TARGET_RSS_MB = 150.0
DATABASE_NAME = "journal.sqlite3"
NONE_GUARD = 1 << 40


def none_refs() -> int:
    return sys.getrefcount(None)


def bool_refs() -> tuple[int, int]:
    return sys.getrefcount(True), sys.getrefcount(False)


def guard_none() -> None:
    """Work around the PySide6/3.11 bug above: raise the reference counts of None by NONE_GUARD (CPython
    only); True and False too, as with None alone guarded the interpreter's shutdown aborted in bool_dealloc."""
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += NONE_GUARD


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def rss_mb() -> tuple[float, float]:
    """(peak RSS, current RSS) of this process, MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return peak, current


def copy_journal(source: Path, target: Path) -> None:
    """Copy the database file (and a non-empty write-ahead log) without reading it into this process."""
    target.mkdir(parents=True)
    shutil.copyfile(source / DATABASE_NAME, target / DATABASE_NAME)
    wal = source / f"{DATABASE_NAME}-wal"
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, target / wal.name)


def summary(name: str, values: list[float], inner: list[float]) -> str:
    total_ok = percentile(values, 95) <= TARGET_SWITCH_MS
    return (
        f"  {name:<8} {len(values):>4}  median {statistics.median(values):6.2f}  p95 {percentile(values, 95):6.2f}"
        f"  max {max(values):6.2f}   (show_day alone: median {statistics.median(inner):5.2f}, "
        f"p95 {percentile(inner, 95):5.2f})  {'ok' if total_ok else 'MISSED'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="a journal made by make_journal.py")
    parser.add_argument("--switches", type=int, default=200, help="switches of each kind (default 200)")
    parser.add_argument("--xvfb", action="store_true", help="the xcb platform on a private Xvfb")
    parser.add_argument("--seed", type=int, default=7, help="for the random days")
    parser.add_argument(
        "--none-guard",
        action="store_true",
        help="raise None's reference count first (only to measure on PySide6 6.12.0, which aborts without it)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also cProfile a second round of random and typed switches"
    )
    args = parser.parse_args()
    source = args.data_dir / DATABASE_NAME
    if not source.exists():
        raise SystemExit(
            f"{source} not found: run benchmarks/make_journal.py --data-dir {args.data_dir} first"
        )
    with sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True) as conn:
        first_s, last_s, entries = conn.execute("SELECT min(day), max(day), count(*) FROM entries").fetchone()
    first, last = dt.date.fromisoformat(first_s), dt.date.fromisoformat(last_s)

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rutjournal-dayswitch-")))
        for kind in ("CONFIG", "DATA", "STATE", "CACHE"):  # window.ini and the log stay out of the user's
            os.environ[f"XDG_{kind}_HOME"] = str(tmp / kind.lower())
        os.environ.pop("RUTJOURNAL_STARTUP_REPORT", None)
        if args.xvfb:
            os.environ["DISPLAY"] = stack.enter_context(xvfb())
            os.environ["QT_QPA_PLATFORM"] = "xcb"
        else:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        data_dir = tmp / "journal"
        copy_journal(args.data_dir, data_dir)
        return run(args, data_dir, first, last, entries)
    return 0


def run(args: argparse.Namespace, data_dir: Path, first: dt.date, last: dt.date, entries: int) -> int:
    from rutjournal.core.paths import resolve_paths
    from rutjournal.ui.app import create_app
    from rutjournal.ui.shell.main_window import MainWindow

    load = os.getloadavg()[0]
    guard = NONE_GUARD if args.none_guard else 0
    if guard:
        guard_none()
    bools_before = bool_refs()
    app = create_app()
    w = MainWindow(resolve_paths(data_dir))
    w.show()
    w.open_data()
    for _ in range(5):
        app.processEvents()
    view = w.journal_view
    editor = view.editor.editor
    if view.journal is None:
        raise SystemExit(f"the journal did not open: {w.where.text()}")
    opened_peak, opened_now = rss_mb()
    headroom = none_refs() - guard  # None's own count with the window open: void Qt calls until the abort
    lost: dict[str, float] = {}

    def timed(
        days: Iterator[dt.date], before: Callable[[], None] | None = None
    ) -> tuple[list[float], list[float]]:
        totals, inner = [], []
        for day in days:
            if before:
                before()
            t0 = time.perf_counter()
            view.show_day(day)
            t1 = time.perf_counter()
            app.processEvents()
            t2 = time.perf_counter()
            if view.day != day or view.dirty:
                raise SystemExit(
                    f"the switch to {day} did not happen (or did not save): {view.save_label.text()}"
                )
            totals.append((t2 - t0) * 1000)
            inner.append((t1 - t0) * 1000)
        return totals, inner

    def type_a_few() -> None:
        for ch in "xyz":
            editor.insertPlainText(ch)
            app.processEvents()
        if not view.dirty:
            raise SystemExit("typing into the editor did not mark the day as edited")

    rng = random.Random(args.seed)
    n = args.switches
    span = (last - first).days
    typed_from = last - dt.timedelta(days=365 * 5)

    def back(start: dt.date) -> Iterator[dt.date]:
        return (start - dt.timedelta(days=i) for i in range(n))

    def randoms() -> Iterator[dt.date]:
        return (first + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(n))

    for i in range(10):  # warm-up, not counted: ten days in another year, then back to today
        view.show_day(first + dt.timedelta(days=400 + i))
        app.processEvents()
    view.show_day(last + dt.timedelta(days=1))
    app.processEvents()

    results = {}
    for name, days, before in (
        ("back", back(last), None),
        ("random", randoms(), None),
        ("typed", back(typed_from), type_a_few),
    ):
        refs = none_refs()
        results[name] = timed(days, before)
        lost[name] = (refs - none_refs()) / n
    switched_peak, switched_now = rss_mb()

    search_ms = []
    for q in QUERIES:
        t0 = time.perf_counter()
        w.search_box.setText(q)
        w._search_now()
        app.processEvents()
        search_ms.append((time.perf_counter() - t0) * 1000)
    searched_peak, searched_now = rss_mb()

    platform = "xcb on Xvfb" if args.xvfb else "offscreen"
    print(f"load average {load:.2f} on {os.cpu_count()} cores; Qt platform {platform}")
    print(
        f"Day switch, {entries:,} entries ({first} .. {last}), ms: show_day() + processEvents() "
        f"(target <= {TARGET_SWITCH_MS:g} ms)"
    )
    for name, (totals, inner) in results.items():
        print(summary(name, totals, inner))
    print(
        f"Search box, {len(QUERIES)} queries (setText, _search_now, processEvents): median "
        f"{statistics.median(search_ms):.1f} ms, p95 {percentile(search_ms, 95):.1f}, max {max(search_ms):.1f}"
    )
    print(f"Memory, MB (target <= {TARGET_RSS_MB:g} MB RSS):     peak RSS   current RSS")
    for label, (peak, now) in (
        ("journal open", (opened_peak, opened_now)),
        (f"after {3 * n} switches", (switched_peak, switched_now)),
        (f"after {len(QUERIES)} searches", (searched_peak, searched_now)),
    ):
        print(f"  {label:<28} {peak:9.1f}   {now:11.1f}")
    print(f"  memory: {'met' if searched_peak <= TARGET_RSS_MB else 'MISSED'} (peak)")
    print(
        f"None references lost ({'guarded' if guard else 'not guarded'}): "
        + ", ".join(f"{k} {v:.0f}" for k, v in lost.items())
        + f" per switch; head-room with the journal open {headroom:,}"
    )
    if lost["random"] > 0:
        print(
            f"  -> unguarded, the app would abort after about {headroom / lost['random']:,.0f} random "
            f"or {headroom / lost['back']:,.0f} consecutive day switches"
        )

    if args.profile:
        w.search_box.clear()
        w.show_section("journal")
        app.processEvents()
        profiler = cProfile.Profile()
        profiler.enable()
        timed(randoms())
        timed(back(typed_from - dt.timedelta(days=n + 1)), type_a_few)
        profiler.disable()
        print(f"\ncProfile of {n} random + {n} typed switches (typing included), by cumulative time:")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

    w.shutdown()
    app.processEvents()
    bools = [a - b for a, b in zip(bool_refs(), bools_before, strict=True)]
    print(f"True / False reference counts over the whole run: {bools[0]:+,} / {bools[1]:+,}")
    missed = any(percentile(t, 95) > TARGET_SWITCH_MS for t, _ in results.values())
    return 1 if missed or searched_peak > TARGET_RSS_MB else 0


if __name__ == "__main__":
    sys.exit(main())
