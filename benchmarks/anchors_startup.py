"""Start-up anchors: RedNotebook on the same ten years, a bare PySide6 window, and import costs.

    python benchmarks/make_journal.py --data-dir /tmp/rj10 --rednotebook /tmp/rn10
    python benchmarks/anchors_startup.py --rednotebook /tmp/rn10

Window figures are taken on a private Xvfb display by polling its top-level windows every ~5 ms (the test
`xdotool search --onlyvisible --name` makes, over one Xlib connection instead of a process per poll), from
just before the launch; they are accurate to about one poll period (printed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _display import Screen, poll_period, stop, wait_window, xvfb

TARGET_VISIBLE_S, TARGET_EDITABLE_S = 0.25, 0.45
# A bare window: prints when Qt says it is exposed (epoch seconds), then stays up until we end it
# (or quits at once with "quit", for the offscreen platform where there is no window to poll for).
BARE_QT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.setWindowTitle("bare-pyside6"); w.resize(900, 650); w.show()
class Seen(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Expose and obj.isExposed():
            print(time.time(), flush=True); obj.removeEventFilter(self)
            QTimer.singleShot(0 if "quit" in sys.argv else 10000, app.quit)
        return False
seen = Seen(); w.windowHandle().installEventFilter(seen)
sys.exit(app.exec())
"""


def rednotebook_run(screen: Screen, display: str, journal: Path, home: Path) -> tuple[float, float]:
    """Seconds from launch to the window being visible, and to its title naming the loaded journal."""
    env = {**os.environ, "DISPLAY": display, "HOME": str(home), "GDK_BACKEND": "x11"}
    t0 = time.time()
    proc = subprocess.Popen(
        ["rednotebook", str(journal)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        visible = wait_window(screen, "^RedNotebook", proc)
        loaded = wait_window(screen, f"^RedNotebook - {journal.name} ", proc)
    finally:
        stop(proc)
    return visible - t0, loaded - t0


def bare_qt_run(screen: Screen | None, display: str | None) -> tuple[float | None, float]:
    """(polled visible, self-reported exposed) seconds from launch; offscreen when display is None."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb" if display else "offscreen"}
    if display:
        env["DISPLAY"] = display
    cmd = [sys.executable, "-c", BARE_QT] + ([] if display else ["quit"])
    t0 = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        polled = wait_window(screen, "^bare-pyside6$", proc) - t0 if screen else None
        assert proc.stdout is not None
        out = proc.stdout.readline().decode().split()  # Qt may see the expose a moment after X maps it
    finally:
        stop(proc)
    if not out:
        raise RuntimeError("the bare PySide6 window never reported being exposed")
    return polled, float(out[0]) - t0


def import_time(code: str, runs: int) -> float:
    times = []
    for _ in range(runs + 1):  # the first run only warms the page cache
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):6.3f} s  ({min(values):.3f}-{max(values):.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--rednotebook", type=Path, metavar="DIR", help="RedNotebook data folder from make_journal"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs of each window (median taken)")
    parser.add_argument("--import-runs", type=int, default=10)
    args = parser.parse_args()
    results: dict[str, list[float]] = {}

    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with xvfb() as display:
        screen = Screen(display)
        period = poll_period(screen)
        print(
            f"Xvfb {display}; one window poll takes {period * 1000:.1f} ms (the resolution of polled figures)"
        )
        if args.rednotebook and shutil.which("rednotebook"):
            with tempfile.TemporaryDirectory(prefix="rednotebook-home-") as home:
                rednotebook_run(
                    screen, display, args.rednotebook, Path(home)
                )  # first start writes its config
                runs = [
                    rednotebook_run(screen, display, args.rednotebook, Path(home)) for _ in range(args.runs)
                ]
            months = len(list(args.rednotebook.glob("*.txt")))
            results[f"RedNotebook window visible ({months} month files)"] = [v for v, _ in runs]
            results["RedNotebook journal loaded (title names it)"] = [loaded for _, loaded in runs]
        elif args.rednotebook:
            print("rednotebook not found: apt-get install -y rednotebook (its anchor is skipped)")
        bare_qt_run(screen, display)
        xcb = [bare_qt_run(screen, display) for _ in range(args.runs)]
        results["bare PySide6 window, xcb, polled visible"] = [p for p, _ in xcb if p is not None]
        results["bare PySide6 window, xcb, Qt expose event"] = [e for _, e in xcb]
        screen.close()
    offscreen = [bare_qt_run(None, None)[1] for _ in range(args.runs)]
    results["bare PySide6 window, offscreen, expose event"] = offscreen

    imports = {
        "python -c pass": "pass",
        "python -c 'import sqlalchemy.orm'": "import sqlalchemy.orm",
        "python -c 'import PySide6.QtWidgets'": "import PySide6.QtWidgets",
    }
    print(f"Start-up anchors, median (min-max) of {args.runs} runs, seconds from launch:")
    for name, values in results.items():
        print(f"  {name:<50} {fmt(values)}")
    print(f"Imports, median of {args.import_runs} runs:")
    import_results = {name: import_time(code, args.import_runs) for name, code in imports.items()}
    for name, seconds in import_results.items():
        print(f"  {name:<50} {seconds:6.3f} s")
    print(
        f"rutjournal targets: window visible <= {TARGET_VISIBLE_S} s, today editable <= {TARGET_EDITABLE_S} s "
        "(see startup.py)"
    )
    summary = {k: statistics.median(v) for k, v in results.items()} | import_results
    print("json: " + json.dumps({k: round(v, 4) for k, v in summary.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
