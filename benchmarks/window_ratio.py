"""Issue 13's window figures: rutjournal's window visible and today's entry editable, as ratios against a bare
PySide6 window measured in the same run, turn about (bare, rutjournal, bare, rutjournal …), on a ten-year and
a hundred-year journal, on a private Xvfb (xcb) when there is one, else offscreen.

    python benchmarks/window_ratio.py --data-dir /tmp/speed/rj10-tasks --data-dir /tmp/speed/rj100-tasks

Both are timed from our launch (just before Popen) to the moment Qt says the window is exposed — the bare
window reports it from an event filter (anchors_startup.py), rutjournal through its start-up report
(startup.py's contract and its ``one_run``) — so the ratio compares the same two moments. Targets: visible <= 1.6x, editable <= 1.8x the bare window.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _display import xvfb
from anchors_startup import bare_qt_run
from startup import one_run

TARGETS = {"visible": 1.6, "editable": 1.8}
TIMEOUT_S = 60.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, action="append", required=True)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--offscreen", action="store_true", help="offscreen even when Xvfb is installed")
    args = parser.parse_args()
    rut = shutil.which("rutjournal", path=str(Path(sys.executable).parent)) or "rutjournal"
    use_xvfb = shutil.which("Xvfb") is not None and not args.offscreen
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # a real install runs from compiled bytecode
    where = "xcb on Xvfb" if use_xvfb else "offscreen"
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {where}")
    screen = xvfb() if use_xvfb else contextlib.nullcontext(None)
    with tempfile.TemporaryDirectory(prefix="rutjournal-ratio-") as tmp, screen as display:

        def bare() -> float:  # launch to the bare window's own expose event
            return bare_qt_run(None, display)[1]

        def ours(data_dir: Path) -> dict[str, float]:  # launch to rutjournal's start-up report
            return one_run(rut, data_dir, Path(tmp), display, None, "", TIMEOUT_S)

        for data_dir in args.data_dir:
            ours(data_dir), bare()  # warm-up, not counted
            pairs = []
            for _ in range(args.runs):
                base, run = bare(), ours(data_dir)
                pairs.append((base, run["visible"] / base, run["editable"] / base))
            base = statistics.median(p[0] for p in pairs)
            for i, name in ((1, "visible"), (2, "editable")):
                ratio = statistics.median(p[i] for p in pairs)
                mark = "met" if ratio <= TARGETS[name] else "MISSED"
                print(
                    f"{data_dir.name:<14} {name:<9} {ratio:5.2f}x the bare window ({base:.3f} s) "
                    f"target <= {TARGETS[name]}x: {mark}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
