"""The Load section with 2,000 tasks: `rutjournal report load` as a whole process, the section opening and
re-sorting in the GUI (offscreen), and Taskwarrior listing the same tasks (the anchor), in the same run.

    python benchmarks/make_journal.py --data-dir /tmp/rj10
    python benchmarks/load_tasks.py --data-dir /tmp/rj10     # apt-get install -y taskwarrior for the anchor

A copy of the journal gets 2,000 tasks (fixed seed) through the Load service, ~30 % decided, some done.
Taskwarrior imports the same tasks, all pending, into a private TASKRC/TASKDATA; it runs with rc.gc=off.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rutjournal.core.load.service import Load, TaskView
from rutjournal.core.paths import DATABASE_NAME
from rutjournal.core.storage.db import open_database

TARGET_REPORT_S, TARGET_OPEN_MS, TARGET_SORT_MS = 0.3, 150, 50
TITLES = {
    "task": "Weekly status report|Expense reports|Timesheet approvals|Update the wiki|Invoice checks|"
    "Code review|Onboarding docs|Vendor follow-up|Backlog grooming|Release notes|Inbox triage|Travel booking",
    "meeting": "Budget review meeting|Team stand-up|One-on-one|Steering committee|Sprint planning|"
    "Client call|Architecture review|Quarterly business review|All-hands|Hiring panel",
    "project": "Office move|CRM migration|Intranet redesign|Compliance audit|Data warehouse|Training program",
}
TEAMS = ["Sales", "Finance", "Platform", "Support", "Marketing", "Ops", "HR", "Legal", "Mobile", "Data"]
ANCHOR = "task list (anchor)"
Commands = dict[str, tuple[list[str], dict[str, str] | None]]
DECIDED = {"keep": 3, "delegate": 3, "drop": 2, "decline": 1, "automate": 1, "renegotiate": 1}


def make_tasks(n: int, rng: random.Random) -> list[dict[str, object]]:
    kinds = rng.choices(list(TITLES), weights=[6, 3, 1], k=n)
    return [
        {
            "title": f"{rng.choice(TITLES[kind].split('|'))} ({rng.choice(TEAMS)})",
            "kind": kind,
            "minutes_per_week": rng.randrange(15, 601, 15),
            "in_jd": rng.choices(["yes", "partly", "no"], weights=[5, 3, 2])[0],
            "enjoyment": None if rng.random() < 0.2 else rng.randint(-2, 2),
            "value": None if rng.random() < 0.2 else rng.randint(1, 5),
        }
        for kind in kinds
    ]


def build_journal(source: Path, target: Path, n: int, seed: int) -> list[TaskView]:
    """Copy the journal (backup API: its WAL comes along), add n tasks, decide ~30 %, mark some done."""
    target.mkdir(parents=True)
    with (
        sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True) as src,
        sqlite3.connect(target / DATABASE_NAME) as dst,
    ):
        src.backup(dst)
    rng = random.Random(seed)
    db = open_database(target / DATABASE_NAME)
    load = Load(db)
    decided = rng.sample(load.add_many(make_tasks(n, rng)), round(0.3 * n))
    picks = rng.choices(list(DECIDED), weights=list(DECIDED.values()), k=len(decided))
    for decision in DECIDED:
        chosen = [i for i, d in zip(decided, picks, strict=True) if d == decision]
        load.decide_many(chosen, decision, to="Priya" if decision == "delegate" else None)
    for task_id, decision in zip(decided, picks, strict=True):
        if decision != "keep" and rng.random() < 0.4:
            load.done(task_id)
    tasks = load.tasks()
    db.close()
    return tasks


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def taskwarrior(task: str, tasks: list[TaskView], folder: Path) -> Commands:
    """Import the same tasks into a private Taskwarrior (all pending); return the commands to time."""
    version = subprocess.run([task, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    (folder / "data").mkdir(parents=True)
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={folder / 'data'}\nconfirmation=off\nhooks=off\nverbose=nothing\n"
        f"news.version={version}\ndefaultwidth=0\nuda.minutes.type=numeric\nuda.minutes.label=Min/wk\n",
        encoding="utf-8",
    )
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(folder / "data")}
    tags = [[f"jd-{t.in_jd}", t.decision] for t in tasks]
    items = [
        dict(description=t.title, project=t.kind, tags=tg, minutes=t.minutes_per_week)
        for t, tg in zip(tasks, tags, strict=True)
    ]
    (folder / "tasks.json").write_text(json.dumps(items), encoding="utf-8")
    run_timed([task, "import", str(folder / "tasks.json")], env)
    listing, count = [task, "rc.gc=off", "list"], [task, "rc.gc=off", "count"]
    n, lines = (subprocess.run(c, env=env, capture_output=True, text=True).stdout for c in (count, listing))
    print(f"Taskwarrior {version}: {n.strip()} tasks imported; `task list` prints {len(lines.splitlines())}")
    return {ANCHOR: (listing, env), "task count": (count, env)}


def processes(cmds: Commands, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd, env in cmds.values():  # one warm-up run each
        run_timed(cmd, env)
    for _ in range(runs):  # interleaved, so all see the same machine state
        for name, (cmd, env) in cmds.items():
            times[name].append(run_timed(cmd, env))
    return times


def verdict(value: float, target: float) -> str:
    return f"(target <= {target:g}: {'met' if value <= target else 'MISSED'})"


def gui(data_dir: Path, runs: int) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from rutjournal.ui.load.load_view import LoadView
    except ImportError as exc:
        print(f"GUI part not measured: cannot import rutjournal.ui.load.load_view.LoadView ({exc})")
        return
    from PySide6.QtCore import QEvent, QObject, Qt, qInstallMessageHandler

    from rutjournal.ui.app import create_app

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            self.count += event.type() == QEvent.Type.Paint
            return False

    def until_painted(before: int) -> bool:
        """processEvents() until the table has repainted (Qt may hold an update back up to 5 ms)."""
        deadline = time.perf_counter() + 1.0
        app.processEvents()
        while paints.count == before and time.perf_counter() < deadline:
            app.processEvents()
        return paints.count > before

    qInstallMessageHandler(lambda _m, _c, text: "propagateSizeHints" in text or print(text, file=sys.stderr))
    app = create_app()
    view = LoadView()
    missing = [name for name in ("set_load", "table", "proxy") if not hasattr(view, name)]
    if missing:
        print(f"GUI part not measured: LoadView has no {', '.join(missing)}")
        return
    db = open_database(data_dir / DATABASE_NAME)
    load, paints, phases = Load(db), Paints(), []
    for _ in range(runs + 1):  # the first only warms up
        view.close()
        view.deleteLater()
        app.processEvents()
        paints.count = 0
        t0 = time.perf_counter()
        view = LoadView()
        t1 = time.perf_counter()
        view.set_load(load)
        t2 = time.perf_counter()
        view.table.viewport().installEventFilter(paints)
        view.resize(1280, 800)
        view.show()
        if not until_painted(0):
            print("GUI part not measured: the table never painted")
            return
        phases.append((t1 - t0, t2 - t1, time.perf_counter() - t2))
    build, fill, show = (statistics.median(p[k] for p in phases[1:]) * 1000 for k in range(3))
    opened = statistics.median(sum(p) for p in phases[1:]) * 1000
    rows, columns = view.proxy.rowCount(), view.proxy.columnCount()
    per_column: list[list[float]] = [[] for _ in range(columns)]
    sort_only, unpainted = [], 0
    for rep in range(runs):
        order = Qt.SortOrder.AscendingOrder if rep % 2 == 0 else Qt.SortOrder.DescendingOrder
        for column in range(columns):
            time.sleep(0.02)  # untimed: past Qt's update throttle, as a click on a header would be
            before, t0 = paints.count, time.perf_counter()
            view.proxy.sort(column, order)
            sort_only.append((time.perf_counter() - t0) * 1000)
            unpainted += not until_painted(before)
            per_column[column].append((time.perf_counter() - t0) * 1000)
    medians = [statistics.median(c) for c in per_column]
    slowest = max(medians)
    headers = [view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
    print(f"GUI, offscreen, {rows:,} rows x {columns} columns, median of {runs}, ms (no anchor):")
    print(
        f"  section opens (LoadView, set_load, show, painted): {opened:.1f} {verdict(opened, TARGET_OPEN_MS)}"
    )
    print(f"    LoadView() {build:.1f}, set_load {fill:.1f}, show + paint {show:.1f}")
    print(f"  re-sort (proxy.sort, painted), slowest column {slowest:.1f} {verdict(slowest, TARGET_SORT_MS)}")
    print(
        f"    worst single sort {max(max(c) for c in per_column):.1f}; proxy.sort alone "
        f"{statistics.median(sort_only):.1f}" + (f"; {unpainted} sorts never repainted" if unpainted else "")
    )
    print("    " + ", ".join(f"{h} {m:.1f}" for h, m in zip(headers, medians, strict=True)))
    view.close()
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="the ten-year journal (make_journal.py)")
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--runs", type=int, default=15, help="runs of each measurement (median taken)")
    parser.add_argument("--task-bin", default="task", help="Taskwarrior, the anchor (Debian: taskwarrior)")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI part")
    args = parser.parse_args()
    source = args.data_dir / DATABASE_NAME
    if not source.exists():
        raise SystemExit(f"{source} not found: run benchmarks/make_journal.py --data-dir {args.data_dir}")
    rut = shutil.which("rutjournal", path=str(Path(sys.executable).parent)) or "rutjournal"
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="rutjournal-load-") as tmp_name:
        tmp = Path(tmp_name)
        for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
            os.environ[f"XDG_{kind}_HOME"] = str(tmp / kind.lower())
        data_dir, t0 = tmp / "journal", time.perf_counter()
        tasks = build_journal(source, data_dir, args.tasks, args.seed)
        print(
            f"{len(tasks):,} tasks added in {time.perf_counter() - t0:.1f} s: "
            + ", ".join(f"{d} {sum(t.decision == d for t in tasks)}" for d in ("undecided", *DECIDED))
            + f"; done {sum(t.done_on is not None for t in tasks)}"
        )
        report = [rut, "report", "load", "--data-dir", str(data_dir)]
        cmds: Commands = {
            "rutjournal report load": (report, None),
            "rutjournal report load --json": ([*report[:3], "--json", *report[3:]], None),
            "python -c pass (interpreter floor)": ([sys.executable, "-c", "pass"], None),
        }
        task = shutil.which(args.task_bin)
        if task:
            cmds |= taskwarrior(task, tasks, tmp / "taskwarrior")
        else:
            print("Taskwarrior not found: the anchor is skipped (apt-get install -y taskwarrior)")
        times = processes(cmds, args.runs)
        print(f"Whole process, median (min-max) of {args.runs} runs, s:")
        for name, values in times.items():
            print(f"  {name:<36} {statistics.median(values):6.3f}  ({min(values):.3f}-{max(values):.3f})")
        worst = max(statistics.median(times[name]) for name in list(cmds)[:2])
        anchor = f", {worst / statistics.median(times[ANCHOR]):.1f}x the anchor" if ANCHOR in times else ""
        print(f"  rutjournal report load: {worst:.3f} {verdict(worst, TARGET_REPORT_S)}{anchor}")
        if not args.no_gui:
            gui(data_dir, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
