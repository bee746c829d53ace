"""Trends on the ten-year journal: opening the section the first time (matplotlib import included), changing
the date range, and `rutjournal plot mood --out x.png` as a whole process.

    python benchmarks/trends.py --data-dir /tmp/rj10      (a journal made by make_journal.py)

Targets (issue 5): open <= 1.5 s, range change <= 0.3 s, plot command <= 2 s. Each GUI figure is taken in a
fresh process (so "first time" really is the first), offscreen; medians of several runs.
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

PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
from rutjournal.core.paths import resolve_paths
from rutjournal.ui.app import create_app
from rutjournal.ui.shell.main_window import MainWindow
app = create_app()
w = MainWindow(resolve_paths(sys.argv[1])); w.resize(1300, 850); w.show(); w.open_data(); app.processEvents()
t = time.perf_counter(); w.show_section("trends"); app.processEvents(); app.processEvents()
opened = time.perf_counter() - t
box = w.trends_view.range_box; changes = []
for i in [0, 2, 3, 1]:
    t = time.perf_counter(); box.setCurrentIndex(i); app.processEvents(); app.processEvents()
    changes.append(time.perf_counter() - t)
w.shutdown()
print(json.dumps({"open": opened, "changes": changes}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rutjournal-trends-"))
    try:
        shutil.copy2(args.data_dir / "journal.sqlite3", work / "journal.sqlite3")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(work / "config")}
        opens, changes = [], []
        for _ in range(args.runs):
            shutil.rmtree(work / "config", ignore_errors=True)  # else the next start reopens Trends by itself
            out = subprocess.run(
                [sys.executable, "-c", PROBE, str(work)], env=env, capture_output=True, text=True, check=True
            ).stdout
            figures = json.loads(out.strip().splitlines()[-1])
            opens.append(figures["open"])
            changes.extend(figures["changes"])
        rut = Path(sys.executable).with_name("rutjournal")
        plots = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [str(rut), "plot", "mood", "--out", str(work / "x.png"), "--data-dir", str(work)],
                env=env,
                capture_output=True,
                check=True,
            )
            plots.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.runs} runs")
    print(
        f"  open Trends, first time (matplotlib import included): median {statistics.median(opens):.3f} s"
        f"  (target <= 1.5 s)"
    )
    print(
        f"  change of date range: median {statistics.median(changes):.3f} s, max {max(changes):.3f} s"
        f"  (target <= 0.3 s)"
    )
    print(f"  rutjournal plot mood --out x.png: median {statistics.median(plots):.3f} s  (target <= 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
