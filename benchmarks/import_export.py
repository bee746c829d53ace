"""Your data in and out, as whole processes on ten years of daily entries, beside jrnl in the same run:

* import a 3,650-entry jrnl JSON export into an empty journal (anchor: jrnl reading its own 3,650 entries);
* JSON export of the ten-year journal, time and peak memory (anchor: `jrnl --export json` of the same entries);
* `rutjournal backup` of the ten-year journal.

    python benchmarks/make_journal.py --data-dir /tmp/rj10 --jrnl /tmp/jrnl10
    python benchmarks/import_export.py --data-dir /tmp/rj10 --jrnl /tmp/jrnl10 [--jrnl-bin PATH] [--runs 7]

jrnl comes from PyPI, in a venv of its own (`python3 -m venv /tmp/jrnl && /tmp/jrnl/bin/pip install jrnl`).
Peak memory is the child's maximum resident set size as the kernel reports it (`os.wait4`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_IMPORT_S, TARGET_EXPORT_S, TARGET_EXPORT_MIB, TARGET_BACKUP_S = 1.0, 0.6, 60.0, 0.5
Run = tuple[float, float]  # seconds, peak MiB


def run(cmd: list[str], env: dict[str, str] | None = None, stdout: Path | None = None) -> Run:
    """Run a whole process; its wall time and peak RSS. A failure stops the benchmark with its message."""
    with tempfile.TemporaryFile() as err, (stdout or Path(os.devnull)).open("wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            message = err.read().decode(errors="replace")[-500:]
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {message}")
    return elapsed, usage.ru_maxrss / 1024


def med(runs: list[Run]) -> tuple[float, float, float, float]:
    times = [t for t, _ in runs]
    return statistics.median(times), min(times), max(times), max(m for _, m in runs)


def show(name: str, runs: list[Run], target: str = "") -> None:
    m, lo, hi, peak = med(runs)
    print(f"  {name:<58} {m:6.3f} s  ({lo:.3f}-{hi:.3f})  peak {peak:5.1f} MiB  {target}")


def verdict(value: float, target: float, unit: str) -> str:
    return f"target <= {target:g} {unit}: {'met' if value <= target else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="the ten-year journal (make_journal.py)")
    parser.add_argument("--jrnl", type=Path, required=True, help="the jrnl folder make_journal.py wrote")
    parser.add_argument("--jrnl-bin", default=os.environ.get("JRNL", "jrnl"), help="jrnl, in its own venv")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    jrnl = shutil.which(args.jrnl_bin)
    if not jrnl:
        raise SystemExit(
            f"jrnl not found ({args.jrnl_bin}): pip install jrnl into a venv and pass --jrnl-bin"
        )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(args.jrnl / "config"),
        "XDG_DATA_HOME": str(args.jrnl / "data"),
    }
    # An installed app keeps its compiled bytecode; this sandbox's PYTHONDONTWRITEBYTECODE would recompile
    # rutjournal's own modules on every run, which no user's machine does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    rut = [sys.executable, "-m", "rutjournal"]
    work = Path(tempfile.mkdtemp(prefix="rj-io-bench-"))
    try:
        export = work / "jrnl-export.json"
        run([jrnl, "--export", "json"], env, stdout=export)  # also the warm-up; jrnl settles its config once
        with sqlite3.connect(f"{(args.data_dir / 'journal.sqlite3').as_uri()}?mode=ro", uri=True) as conn:
            entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        version = subprocess.run([jrnl, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        print(
            f"{entries:,} entries in the journal; jrnl export {export.stat().st_size / 1e6:.1f} MB; {version}"
        )

        jrnl_export, jrnl_read, imports, exports, backups = [], [], [], [], []
        copy = work / "copy"
        copy.mkdir()
        with (
            sqlite3.connect(f"{(args.data_dir / 'journal.sqlite3').as_uri()}?mode=ro", uri=True) as src,
            sqlite3.connect(copy / "journal.sqlite3") as dst,
        ):
            src.backup(dst)
        for i in range(args.runs + 1):  # interleaved; the first round is a warm-up and is dropped
            fresh = work / f"import-{i}"
            out = str(work / "out.json")
            rounds: list[tuple[list[Run], list[str], dict[str, str] | None]] = [
                (jrnl_export, [jrnl, "--export", "json"], env),
                (jrnl_read, [jrnl, "-n", "1"], env),
                (imports, [*rut, "--data-dir", str(fresh), "import", str(export)], None),
                (
                    exports,
                    [*rut, "--data-dir", str(args.data_dir), "export", "--format", "json", "--out", out],
                    None,
                ),
                (backups, [*rut, "--data-dir", str(copy), "backup", "--keep", "2"], None),
            ]
            for bucket, cmd, cmd_env in rounds:
                result = run(cmd, cmd_env)
                if i:
                    bucket.append(result)
            if i < args.runs:
                shutil.rmtree(fresh, ignore_errors=True)
        with sqlite3.connect(work / f"import-{args.runs}" / "journal.sqlite3") as conn:
            days = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        print(f"the last import made {days:,} days of entries")
        print(f"medians of {args.runs} whole processes (min-max), peak RSS the largest seen:")
        show("jrnl --export json (anchor)", jrnl_export)
        show("jrnl -n 1: jrnl reads its 3,650 entries (anchor)", jrnl_read)
        show(
            "rutjournal import <jrnl export> into an empty journal",
            imports,
            verdict(med(imports)[0], TARGET_IMPORT_S, "s"),
        )
        m, _, _, peak = med(exports)
        show(
            "rutjournal export --format json",
            exports,
            f"{verdict(m, TARGET_EXPORT_S, 's')}; {verdict(peak, TARGET_EXPORT_MIB, 'MiB')}",
        )
        show("rutjournal backup", backups, verdict(med(backups)[0], TARGET_BACKUP_S, "s"))
        print(f"  (python -c pass: {med([run([sys.executable, '-c', 'pass']) for _ in range(5)])[0]:.3f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
