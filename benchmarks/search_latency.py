"""Search latency on the benchmark journal: in-process (warm) and the whole `rutjournal search` process.

    python benchmarks/make_journal.py --data-dir /tmp/rj10 --jrnl /tmp/jrnl10
    python benchmarks/search_latency.py --data-dir /tmp/rj10 --jrnl /tmp/jrnl10

Anchor for the process figure: `jrnl -contains WORD` on the same entries (jrnl from PyPI, in its own venv),
measured in the same run, interleaved with rutjournal so both see the same machine state.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rutjournal.core.journal.search import search
from rutjournal.core.paths import DATABASE_NAME
from rutjournal.core.storage.connect import connect_raw

TARGET_P95_MS = 10.0
TARGET_PROCESS_S = 0.25
QUERIES = [
    # single words
    "meeting",
    "deadline",
    "boss",
    "promotion",
    "delegate",
    "budget",
    "outage",
    "migration",
    "feedback",
    "mentoring",
    "bored",
    "drained",
    "Priya",
    "roadmap",
    "inbox",
    "gym",
    "transfer",
    "course",
    "retrospective",
    "rut",
    "interview",
    # phrases
    '"status report"',
    '"deep work"',
    "one-on-one",
    '"no promises"',
    '"team meeting"',
    '"lunch break"',
    '"back to back"',
    '"job postings"',
    # prefixes
    "promot*",
    "deleg*",
    "meet*",
    "dead*",
    "mentor*",
    "escal*",
    "negoti*",
    # tags
    "#meeting",
    "#promotion",
    "#burnout",
    "#job-search",
    "#one-on-one",
    "#deadline",
    # two-word ANDs
    "boss promotion",
    "deadline missed",
    "delegate workload",
    "meeting pointless",
    "feedback Python",
    "outage incident",
    "Monday dread",
    "budget forecast",
]


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def in_process(db: Path, rounds: int) -> tuple[list[float], dict[str, int]]:
    """Per query, the median of `rounds` warm calls (ms); and the hit counts."""
    conn = connect_raw(db)
    try:
        hits = {q: len(search(conn, q)) for q in QUERIES}  # warm-up: page cache, statement cache
        samples: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(rounds):
            for q in QUERIES:
                t0 = time.perf_counter()
                search(conn, q)
                samples[q].append((time.perf_counter() - t0) * 1000)
    finally:
        conn.close()
    return [statistics.median(samples[q]) for q in QUERIES], hits


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def processes(
    data_dir: Path, jrnl_dir: Path | None, jrnl: str | None, word: str, runs: int
) -> dict[str, list[float]]:
    rut = shutil.which("rutjournal", path=str(Path(sys.executable).parent)) or "rutjournal"
    cmds: dict[str, tuple[list[str], dict[str, str] | None]] = {
        f"rutjournal search {word}": ([rut, "search", word, "--data-dir", str(data_dir)], None),
        "python -c pass (interpreter floor)": ([sys.executable, "-c", "pass"], None),
    }
    if jrnl_dir and jrnl:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(jrnl_dir / "config"),
            "XDG_DATA_HOME": str(jrnl_dir / "data"),
        }
        cmds[f"jrnl -contains {word} (anchor)"] = ([jrnl, "-contains", word], env)
        cmds[f"jrnl -contains {word} -n 20"] = ([jrnl, "-contains", word, "-n", "20"], env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd, env in cmds.values():  # warm-up (and lets jrnl settle its config once)
        run_timed(cmd, env)
    for _ in range(runs):
        for name, (cmd, env) in cmds.items():
            times[name].append(run_timed(cmd, env))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="made by make_journal.py")
    parser.add_argument("--jrnl", type=Path, metavar="DIR", help="the jrnl folder make_journal.py wrote")
    parser.add_argument(
        "--jrnl-bin",
        default=os.environ.get("JRNL", "jrnl"),
        help="jrnl executable, best in a venv of its own (default: $JRNL, else jrnl on PATH)",
    )
    parser.add_argument("--word", default="promotion", help="the word both tools search for")
    parser.add_argument("--rounds", type=int, default=7, help="warm calls per query (median taken)")
    parser.add_argument("--runs", type=int, default=15, help="process runs of each command (median taken)")
    args = parser.parse_args()
    db = args.data_dir / DATABASE_NAME
    if not db.exists():
        raise SystemExit(f"{db} not found: run benchmarks/make_journal.py --data-dir {args.data_dir} first")
    entries = connect_raw(db).execute("SELECT count(*) FROM entries").fetchone()[0]
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    per_query, hits = in_process(db, args.rounds)
    p50, p95 = percentile(per_query, 50), percentile(per_query, 95)
    slowest = sorted(zip(per_query, QUERIES, strict=True), reverse=True)[:5]
    print(
        f"In-process search, {entries:,} entries, {len(QUERIES)} queries, median of {args.rounds} warm calls:"
    )
    print(
        f"  p50 {p50:.2f} ms   p95 {p95:.2f} ms   max {max(per_query):.2f} ms   "
        f"(target p95 <= {TARGET_P95_MS:g} ms: {'met' if p95 <= TARGET_P95_MS else 'MISSED'})"
    )
    print("  slowest: " + ", ".join(f"{q} {ms:.1f} ms ({hits[q]} hits)" for ms, q in slowest))
    empty = [q for q in QUERIES if not hits[q]]
    if empty:
        print(f"  (no hits for: {', '.join(empty)})")

    jrnl = shutil.which(args.jrnl_bin)
    if args.jrnl and not jrnl:
        print("  jrnl not found: the anchor is skipped (pip install jrnl into its own venv; see --jrnl-bin)")
    times = processes(args.data_dir, args.jrnl, jrnl, args.word, args.runs)
    print(f"Whole process, median (min-max) of {args.runs} runs (target rutjournal <= {TARGET_PROCESS_S} s):")
    for name, values in times.items():
        print(f"  {name:<42} {statistics.median(values):6.3f} s  ({min(values):.3f}-{max(values):.3f})")
    rut = statistics.median(next(iter(times.values())))
    print(f"  rutjournal search: {'met' if rut <= TARGET_PROCESS_S else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
