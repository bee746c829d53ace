"""Issue 13's window figures: rutjournal's window visible and today's entry editable, as ratios against a bare
PySide6 window measured in the same run, turn about (bare, rutjournal, bare, rutjournal …), on a ten-year and
a hundred-year journal, on a private Xvfb (xcb) when there is one, else offscreen.

    python benchmarks/window_ratio.py --data-dir /tmp/speed/rj10-tasks --data-dir /tmp/speed/rj100-tasks

Both are timed from our launch (just before Popen) to the moment Qt says the window is exposed — the bare
window reports it from an event filter, rutjournal through its start-up report (startup.py's contract) — so
the ratio compares the same two moments. Targets: visible <= 1.6x, editable <= 1.8x the bare window.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _display import stop, xvfb
from anchors_startup import BARE_QT
from startup import REPORT_ENV

TARGETS = {"visible": 1.6, "editable": 1.8}


def bare(env: dict[str, str]) -> float:
    """Seconds from launch until the bare window is exposed."""
    launch = time.time()
    quit_now = [] if env.get("QT_QPA_PLATFORM") == "xcb" else ["quit"]
    proc = subprocess.Popen(
        [sys.executable, "-c", BARE_QT, *quit_now], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        exposed = float(proc.stdout.readline())
    finally:
        stop(proc)
    return exposed - launch


def rutjournal(rut: str, data_dir: Path, state: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch until rutjournal's window is visible, and until today's entry takes input."""
    report = state / "startup.json"
    report.unlink(missing_ok=True)
    env = {
        **env,
        REPORT_ENV: str(report),
        **{f"XDG_{k}_HOME": str(state / k.lower()) for k in ("CONFIG", "DATA", "STATE", "CACHE")},
    }
    launch = time.time()
    done = subprocess.run([rut, "--data-dir", str(data_dir)], env=env, capture_output=True, timeout=60)
    if done.returncode != 0 or not report.exists():
        raise SystemExit(f"rutjournal failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    data = json.loads(report.read_text())
    return data["window_visible"] - launch, data["editable"] - launch


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
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    where = "xcb on Xvfb" if use_xvfb else "offscreen"
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {where}")
    screen = xvfb() if use_xvfb else contextlib.nullcontext(None)
    with tempfile.TemporaryDirectory(prefix="rutjournal-ratio-") as tmp, screen as display:
        env["QT_QPA_PLATFORM"] = "xcb" if display else "offscreen"
        if display:
            env["DISPLAY"] = display
        for data_dir in args.data_dir:
            rutjournal(rut, data_dir, Path(tmp), env), bare(env)  # warm-up, not counted
            pairs = []
            for _ in range(args.runs):
                base = bare(env)
                visible, editable = rutjournal(rut, data_dir, Path(tmp), env)
                pairs.append((base, visible / base, editable / base))
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
