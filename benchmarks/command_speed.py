"""Issue 13's command figures: each command as a whole process against the floor, ``python -c "import sqlite3"``,
timed in turn by farm-bench (A B A B …, the ratio taken pair by pair), on a ten-year and a hundred-year journal
with 2,000 tasks in the inventory. Taskwarrior's ``task add`` / ``task list`` are timed the same way beside them
when ``task`` is installed.

    python benchmarks/command_speed.py --work /tmp/speed [--runs 15] [--years 10 --years 100]

The journals are made once (make_journal.py, load_tasks.py) and reused; each writing command runs on a copy
made for it, so a hundred runs of ``add`` do not change what the reading commands see. The target is a ratio of
3 or less against the floor for every command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_tasks import build_journal
from load_tasks import taskwarrior as load_taskwarrior
from make_journal import make_entries, write_rutjournal

from rutjournal.core.load.service import Load
from rutjournal.core.paths import DATABASE_NAME
from rutjournal.core.storage.db import open_database

TARGET = 3.0
FLOOR = f"{sys.executable} -c 'import sqlite3'"


def journal(work: Path, years: int) -> Path:
    """The data folder of ``years`` of daily entries and 2,000 tasks, made on first use."""
    folder = work / f"rj{years}-tasks"
    if not (folder / "journal.sqlite3").exists():
        plain = work / f"rj{years}"
        if not (plain / "journal.sqlite3").exists():
            write_rutjournal(plain, make_entries(years, dt.date.today() - dt.timedelta(days=1)))
        shutil.rmtree(folder, ignore_errors=True)
        build_journal(plain / "journal.sqlite3", folder, 2000, 20261125)
    return folder


def commands(data: Path, scratch: Path) -> dict[str, str]:
    """Each command as farm-bench runs it; writers get their own copy of the journal."""
    rj = f"{sys.executable} -m rutjournal"
    writer = {}
    for name in ("add", "task-add"):
        copy = scratch / name
        if not copy.exists():
            shutil.copytree(data, copy)
        writer[name] = copy
    return {
        "add": f"{rj} --data-dir {writer['add']} add 'Benchmark line: one more.'",
        "task add": f"{rj} --data-dir {writer['task-add']} task add 'Benchmark task' --hours 0.5",
        "show": f"{rj} --data-dir {data} show yesterday",
        "search": f"{rj} --data-dir {data} search promotion",
        "report load": f"{rj} --data-dir {data} report load",
        "task list": f"{rj} --data-dir {data} task list",
    }


def taskwarrior(data: Path, scratch: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Taskwarrior holding the same 2,000 tasks (load_tasks.py's import), or nothing if it is not installed."""
    task = shutil.which("task")
    if task is None:
        return {}
    db = open_database(data / DATABASE_NAME)
    try:
        tasks = Load(db).tasks()
    finally:
        db.close()
    listing, _count = load_taskwarrior(task, tasks, scratch / "taskwarrior").values()
    version = subprocess.run([task, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    _, env = listing
    private = {k: env[k] for k in ("TASKRC", "TASKDATA")}
    return {
        f"Taskwarrior {version} task add": (f"{task} add 'Benchmark task'", private),
        f"Taskwarrior {version} task list": (" ".join(listing[0]), private),
    }


def bench(command: str, runs: int, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(median wall of the command, median wall of the floor, median ratio) from farm-bench."""
    prefix = [f"{k}={v}" for k, v in (env or {}).items()]
    argv = [
        "env",
        *prefix,
        "farm-bench",
        "-n",
        str(runs),
        "--timeout",
        "600",
        "--vs",
        FLOOR,
        "--",
        "sh",
        "-c",
        f"exec {command} >/dev/null 2>&1",
    ]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    for side in ("A", "B"):  # a command that failed was timed failing: no figure
        status = re.search(rf"^{side} exit (\S+) \((\d+) of (\d+)\)", out, re.MULTILINE)
        if status is None or status.group(1) != "0" or status.group(2) != status.group(3):
            raise SystemExit(f"{command if side == 'A' else FLOOR} did not exit 0 every run:\n{out}")

    def median(label: str) -> float:
        found = re.search(rf"^{re.escape(label)}\s+\S+\s+(\S+)", out, re.MULTILINE)
        if found is None:
            raise SystemExit(f"farm-bench printed no {label!r} line:\n{out}")
        return float(found.group(1))

    return median("A wall s"), median("B wall s"), median("A/B wall")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, required=True, help="folder for the journals (reused)")
    parser.add_argument("--years", type=int, action="append", help="journal sizes (default 10 and 100)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"{'command':<34} {'years':>5} {'median s':>9} {'floor s':>8} {'ratio':>6}  target <= {TARGET:g}×")
    for years in args.years or [10, 100]:
        data = journal(args.work, years)
        with tempfile.TemporaryDirectory(dir=args.work) as scratch:
            for name, command in commands(data, Path(scratch)).items():
                wall, floor, ratio = bench(command, args.runs)
                mark = "met" if ratio <= TARGET else "MISSED"
                print(f"rutjournal {name:<23} {years:>5} {wall:>9.3f} {floor:>8.3f} {ratio:>5.2f}×  {mark}")
            if years == (args.years or [10])[0]:
                for name, (command, env) in taskwarrior(data, Path(scratch)).items():
                    wall, floor, ratio = bench(command, args.runs, env)
                    print(f"{name:<34} {'':>5} {wall:>9.3f} {floor:>8.3f} {ratio:>5.2f}×  (anchor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
