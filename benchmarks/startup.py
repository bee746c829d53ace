"""rutjournal's own start-up: window visible and today's entry editable, on Xvfb (xcb) and offscreen.

    python benchmarks/make_journal.py --data-dir /tmp/rj10
    python benchmarks/make_journal.py --data-dir /tmp/rj100 --years 100
    python benchmarks/startup.py --data-dir /tmp/rj10 --data-dir /tmp/rj100

The contract with the app: `rutjournal --data-dir D` run with RUTJOURNAL_STARTUP_REPORT=FILE writes
{"process_start": t, "window_visible": t, "editable": t} (epoch seconds) once today's entry takes input, then
quits with status 0. Figures are given from our own launch timestamp (taken just before Popen) and from the
process start the app reports (from /proc, so in 10 ms clock ticks).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _display import Screen, stop, xvfb

TARGET_VISIBLE_S, TARGET_EDITABLE_S = 0.25, 0.45
REPORT_ENV = "RUTJOURNAL_STARTUP_REPORT"


class ContractMissing(Exception):
    """The app did not keep the start-up report contract (not implemented yet, or broken)."""


def one_run(
    rut: str,
    data_dir: Path,
    state: Path,
    display: str | None,
    screen: Screen | None,
    title: str,
    timeout: float,
) -> dict[str, float]:
    report = state / "startup.json"
    report.unlink(missing_ok=True)
    env = {
        **os.environ,
        REPORT_ENV: str(report),
        "QT_QPA_PLATFORM": "xcb" if display else "offscreen",
        **{f"XDG_{k}_HOME": str(state / k.lower()) for k in ("CONFIG", "DATA", "STATE", "CACHE")},
    }
    if display:
        env["DISPLAY"] = display
    launch = time.time()
    proc = subprocess.Popen(
        [rut, "--data-dir", str(data_dir)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    polled = None
    try:
        while proc.poll() is None:
            if time.time() - launch > timeout:
                raise ContractMissing(f"rutjournal was still running after {timeout:.0f} s without quitting")
            if screen and polled is None and screen.shown(title):
                polled = time.time() - launch
            time.sleep(0.003)
    finally:
        stop(proc)
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise ContractMissing(f"rutjournal exited with status {proc.returncode}: {stderr.strip()[-600:]}")
    if not report.exists():
        raise ContractMissing(f"rutjournal quit but wrote no {REPORT_ENV} file")
    data = json.loads(report.read_text())
    start, visible, editable = data["process_start"], data["window_visible"], data["editable"]
    result = {
        "visible": visible - launch,
        "editable": editable - launch,
        "visible_ps": visible - start,
        "editable_ps": editable - start,
        "exec": start - launch,
    }
    if polled is not None:
        result["polled"] = polled
    return result


def median(runs: list[dict[str, float]], key: str) -> str:
    values = [r[key] for r in runs if key in r]
    return f"{statistics.median(values):.3f}" if values else "-"


def mark(value: str, target: float) -> str:
    return "" if value == "-" else (" ok" if float(value) <= target else " MISSED")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        action="append",
        required=True,
        help="a journal made by make_journal.py (repeatable: 10 and 100 years)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per journal and platform (median taken)")
    parser.add_argument(
        "--platform",
        choices=["xcb", "offscreen"],
        action="append",
        help="xcb (on a private Xvfb) and/or offscreen (default: both)",
    )
    parser.add_argument(
        "--title", default="(?i)rutjournal", help="window title regex for the polled cross-check"
    )
    parser.add_argument("--rutjournal", metavar="PATH", help="the executable (default: next to this Python)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a run counts as hung")
    args = parser.parse_args()
    platforms = args.platform or ["xcb", "offscreen"]
    rut = args.rutjournal or shutil.which("rutjournal", path=str(Path(sys.executable).parent))
    rut = shutil.which(rut or "rutjournal")
    if not rut:
        raise SystemExit("rutjournal is not installed in this environment")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    rows: list[tuple[str, str, list[dict[str, float]]]] = []
    failed = None
    with tempfile.TemporaryDirectory(prefix="rutjournal-startup-") as tmp:
        for data_dir in args.data_dir:
            db = data_dir / "journal.sqlite3"
            if not db.exists():
                raise SystemExit(
                    f"{db} not found: run benchmarks/make_journal.py --data-dir {data_dir} first"
                )
            with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
                entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            for platform in platforms:
                try:
                    if platform == "xcb":
                        with xvfb() as display:
                            screen = Screen(display)
                            runs = [
                                one_run(rut, data_dir, Path(tmp), display, screen, args.title, args.timeout)
                                for _ in range(args.runs + 1)
                            ][1:]  # the first run only warms up
                            screen.close()
                    else:
                        runs = [
                            one_run(rut, data_dir, Path(tmp), None, None, args.title, args.timeout)
                            for _ in range(args.runs + 1)
                        ][1:]
                except ContractMissing as exc:
                    failed = exc
                    break
                rows.append((f"{entries:,} entries", platform, runs))
            if failed:
                break

    if rows:
        print(
            f"rutjournal start-up, median of {args.runs} runs, seconds "
            f"(targets: visible <= {TARGET_VISIBLE_S}, editable <= {TARGET_EDITABLE_S}, from launch)"
        )
        print(
            f"  {'journal':<16} {'platform':<10} {'visible':>12} {'editable':>14} {'polled':>8} "
            f"{'vis/proc':>9} {'edit/proc':>9} {'exec':>6}"
        )
        for name, platform, runs in rows:
            vis, edit = median(runs, "visible"), median(runs, "editable")
            print(
                f"  {name:<16} {platform:<10} {vis + mark(vis, TARGET_VISIBLE_S):>12} "
                f"{edit + mark(edit, TARGET_EDITABLE_S):>14} {median(runs, 'polled'):>8} "
                f"{median(runs, 'visible_ps'):>9} {median(runs, 'editable_ps'):>9} {median(runs, 'exec'):>6}"
            )
        print("  polled = our own check that a viewable window titled like --title exists (xcb only);")
        print(
            "  vis/proc, edit/proc = from the process start the app reports; exec = that start minus our launch"
        )
        print(
            "  anchors (anchors_startup.py): RedNotebook window visible / journal loaded; bare PySide6 window"
        )
    if failed:
        print(f"\nSTART-UP NOT MEASURED: {failed}", file=sys.stderr)
        print(
            f"The app has to implement the start-up report contract: with {REPORT_ENV}=FILE, write "
            '{"process_start", "window_visible", "editable"} (epoch seconds) once today\'s entry is editable, '
            "then quit with status 0. Until it does, this part of the benchmarks is pending.",
            file=sys.stderr,
        )
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
