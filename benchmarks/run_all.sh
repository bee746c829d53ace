#!/bin/sh
# Run every rutjournal benchmark; see docs/benchmarks.md. From the repository root:
#   PYTHON=/path/to/venv/bin/python JRNL=/path/to/jrnl-venv/bin/jrnl sh benchmarks/run_all.sh
# PYTHON: a Python with rutjournal installed (default: python3). JRNL: jrnl, in a venv of its own (the anchor).
# BENCH_DIR: where the generated journals go (default: $TMPDIR/rutjournal-bench, reused between runs).
set -eu
PYTHON="${PYTHON:-python3}"
JRNL="${JRNL:-jrnl}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/rutjournal-bench}"
HERE="$(cd "$(dirname "$0")" && pwd)"
export JRNL

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr)"
echo "== generating journals in $BENCH_DIR"
"$PYTHON" "$HERE/make_journal.py" --data-dir "$BENCH_DIR/rj10" --jrnl "$BENCH_DIR/jrnl10" \
    --rednotebook "$BENCH_DIR/rn10"
"$PYTHON" "$HERE/make_journal.py" --data-dir "$BENCH_DIR/rj100" --years 100

status=0
echo "== search latency (10 years)"
"$PYTHON" "$HERE/search_latency.py" --data-dir "$BENCH_DIR/rj10" --jrnl "$BENCH_DIR/jrnl10" || status=1
echo "== start-up anchors"
"$PYTHON" "$HERE/anchors_startup.py" --rednotebook "$BENCH_DIR/rn10" || status=1
echo "== rutjournal start-up (10 and 100 years)"
"$PYTHON" "$HERE/startup.py" --data-dir "$BENCH_DIR/rj10" --data-dir "$BENCH_DIR/rj100" || status=1
echo "== day switch and memory in the main window (10 years; offscreen, then xcb on Xvfb)"
"$PYTHON" "$HERE/gui_day_switch.py" --data-dir "$BENCH_DIR/rj10" || status=1
"$PYTHON" "$HERE/gui_day_switch.py" --data-dir "$BENCH_DIR/rj10" --xvfb || status=1
echo "== Load section, 2,000 tasks: report load, section open and re-sort (offscreen); Taskwarrior anchor"
"$PYTHON" "$HERE/load_tasks.py" --data-dir "$BENCH_DIR/rj10" || status=1
echo "== Trends: open, range change, plot command (offscreen)"
"$PYTHON" "$HERE/trends.py" --data-dir "$BENCH_DIR/rj10" || status=1
echo "== import, export and backup (10 years); jrnl anchors"
"$PYTHON" "$HERE/import_export.py" --data-dir "$BENCH_DIR/rj10" --jrnl "$BENCH_DIR/jrnl10" --jrnl-bin "$JRNL" || status=1
exit "$status"
