"""Issue 15's figures: sync of a ten-year journal (3,650 entries, 2,000 tasks) through a shared folder.

    python benchmarks/sync_speed.py --work /tmp/speed [--runs 3] [--years 10]

Each run starts from a fresh copy of the journal (benchmarks/command_speed.py makes it once) and times whole
processes, as a user runs them:

- the first sync: ``rutjournal sync setup FOLDER`` on the full journal (its document made and written out);
- a second device joining with an empty journal (``sync setup`` there: every record comes in);
- one edited day going across: ``rutjournal add`` on the first, then ``rutjournal sync`` on the first (write)
  and on the second (apply);
- a round with nothing new.

Yardsticks in the same run: the floor ``python -c "import sqlite3"`` and ``rutjournal export --format json`` of
the same journal (every table) (the other whole-journal job). The folder's size is set against the size of
that JSON export (target ≤ 1.5×), after compaction where the device compacted. Last, ``rutjournal show
yesterday`` on the journal with sync set up against the same journal without (farm-bench; the target is 1.0×:
nothing on a command's path waits for the folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from command_speed import bench, journal

RJ = [sys.executable, "-m", "rutjournal"]
ENV = {**os.environ, "RUTJOURNAL_SYNC_PASSPHRASE": "benchmark passphrase"}
SIZE_TARGET = 1.5


def timed(*argv: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([*RJ, *argv], env=ENV, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return took


def floor_s() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sqlite3"], check=True)
    return time.perf_counter() - start


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, required=True, help="folder for the journals (reused)")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    source = journal(args.work, args.years)
    figures: dict[str, list[float]] = {}
    sizes: list[tuple[int, int]] = []
    with tempfile.TemporaryDirectory(dir=args.work) as scratch:
        for run in range(args.runs):
            here = Path(scratch) / f"run{run}"
            first, second, shared = here / "first", here / "second", here / "shared"
            shutil.copytree(source, first)
            shared.mkdir(parents=True)
            figures.setdefault("floor", []).append(floor_s())
            export = here / "export.json"
            figures.setdefault("export json (yardstick)", []).append(
                timed(
                    "--data-dir",
                    str(first),
                    "export",
                    "--format",
                    "json",
                    "--out",
                    str(export),
                )
            )
            figures.setdefault("first sync (setup)", []).append(
                timed("--data-dir", str(first), "sync", "setup", str(shared), "--device", "first")
            )
            figures.setdefault("second device joins", []).append(
                timed("--data-dir", str(second), "sync", "setup", str(shared), "--device", "second")
            )
            timed("--data-dir", str(first), "add", "Benchmark line: one more.")
            figures.setdefault("edited day: write (sync)", []).append(timed("--data-dir", str(first), "sync"))
            figures.setdefault("edited day: apply (sync)", []).append(
                timed("--data-dir", str(second), "sync")
            )
            figures.setdefault("round with nothing new", []).append(timed("--data-dir", str(first), "sync"))
            sizes.append((size_of(shared / "rutjournal-sync"), export.stat().st_size))
        floor = statistics.median(figures["floor"])
        print(f"{args.years} years, {args.runs} runs; floor python -c 'import sqlite3' {floor:.3f} s")
        print(f"{'step':<28} {'median s':>9} {'× floor':>8}")
        for name, values in figures.items():
            if name != "floor":
                median = statistics.median(values)
                print(f"{name:<28} {median:>9.3f} {median / floor:>7.1f}×")
        folder, exported = sizes[-1]
        ratio = folder / exported
        mark = "met" if ratio <= SIZE_TARGET else "MISSED"
        print(
            f"folder {folder / 1e6:.2f} MB against the JSON export {exported / 1e6:.2f} MB: {ratio:.2f}× "
            f"(target <= {SIZE_TARGET:g}×) {mark}"
        )
        synced = Path(scratch) / f"run{args.runs - 1}" / "first"
        plain = Path(scratch) / "plain"
        shutil.copytree(source, plain)
        rj = " ".join(RJ)
        on, _floor_on, ratio = bench(f"{rj} --data-dir {synced} show yesterday", 15, None)
        wall_off, _floor_off, ratio_off = bench(f"{rj} --data-dir {plain} show yesterday", 15, None)
        print(
            f"show yesterday with sync on {on:.3f} s ({ratio:.2f}× the floor), off {wall_off:.3f} s "
            f"({ratio_off:.2f}× the floor): {ratio / ratio_off:.2f}× (target 1.0×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
