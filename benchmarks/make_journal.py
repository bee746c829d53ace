"""Generate a realistic benchmark journal: N years of daily work-journal entries.

Writes a rutjournal database (made at head by the app's own code, then bulk-filled with raw sqlite3 so the
FTS triggers index it), and optionally the same entries as a jrnl journal and a RedNotebook data folder.

    python benchmarks/make_journal.py --data-dir /tmp/rj10 [--years 10] [--jrnl DIR] [--rednotebook DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sqlite3
import sys
import time
from pathlib import Path
from typing import NamedTuple

JRNL_VERSION = "4.6"  # jrnl rewrites its config (once, with a notice) when this differs


def load_vocabulary(path: Path) -> tuple[dict[str, list[str]], list[tuple[float, str]]]:
    lists: dict[str, list[str]] = {}
    templates = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, rest = line.partition(": ")
            if key == "template":
                weight, text = rest.split(" ", 1)
                templates.append((float(weight), text))
            else:
                lists[key] = rest.split("|")
    return lists, templates


# One vocabulary for the benchmarks and the app's demo journal (shipped in the wheel, so it lives in resources/).
SLOTS, TEMPLATES = load_vocabulary(Path(__file__).resolve().parent.parent / "resources" / "demo_words.txt")
TAGS = SLOTS.pop("tag")
_TEXTS = [t for _, t in TEMPLATES]
_CUM = list(itertools.accumulate(w for w, _ in TEMPLATES))


def sentence(rng: random.Random) -> str:
    fill = {slot: rng.choice(choices) for slot, choices in SLOTS.items()}
    fill |= {slot + "2": rng.choice(choices) for slot, choices in SLOTS.items()}
    fill["Person"] = fill["person"][0].upper() + fill["person"][1:]
    return rng.choices(_TEXTS, cum_weights=_CUM)[0].format(**fill)


def body(rng: random.Random) -> str:
    target = max(150, min(350, int(rng.triangular(150, 350, 250))))
    paragraphs, current, count = [], [], 0
    while count < target:
        s = sentence(rng)
        current.append(s)
        count += len(s.split())
        if len(current) >= rng.randint(4, 8):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def score(rng: random.Random, blank: float = 0.12) -> int | None:
    return None if rng.random() < blank else rng.choice([1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5])


class Day(NamedTuple):
    day: dt.date
    body: str
    mood: int | None
    energy: int | None
    challenge: int | None
    load: int | None
    hours: float | None
    tags: tuple[str, ...]
    written: dt.datetime

    @property
    def stamp(self) -> str:
        return self.written.strftime("%Y-%m-%d %H:%M:%S.%f")


def make_entries(years: int, end: dt.date, seed: int = 20261125) -> list[Day]:
    rng = random.Random(seed)
    first = end - dt.timedelta(days=365 * years - 1)
    entries = []
    for i in range(365 * years):
        day = first + dt.timedelta(days=i)
        weekend = day.weekday() >= 5
        hours = rng.choice([0, 0, 0, 1, 2, 3.5]) if weekend else rng.randrange(12, 25) / 2
        if rng.random() < 0.08:
            hours = None
        written = dt.datetime.combine(day, dt.time(rng.randint(17, 22), rng.randint(0, 59)))
        tags = tuple(sorted(rng.sample(TAGS, rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))))
        entries.append(
            Day(day, body(rng), score(rng), score(rng), score(rng), score(rng, 0.2), hours, tags, written)
        )
    return entries


def write_rutjournal(data_dir: Path, entries: list[Day]) -> Path:
    from rutjournal.core.paths import DATABASE_NAME
    from rutjournal.core.storage.db import open_database

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_NAME
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    open_database(path).close()  # creates the schema at head, the FTS table and its triggers
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO tags (id, name) VALUES (?, ?)", list(enumerate(TAGS, 1)))
    tag_id = {name: i for i, name in enumerate(TAGS, 1)}
    conn.executemany(
        "INSERT INTO entries (id, day, body, mood, energy, challenge, hours, load, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (n, e.day.isoformat(), e.body, e.mood, e.energy, e.challenge, e.hours, e.load, e.stamp, e.stamp)
            for n, e in enumerate(entries, 1)
        ],
    )
    conn.executemany(
        "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
        [(n, tag_id[t]) for n, e in enumerate(entries, 1) for t in e.tags],
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def split_title(text: str) -> tuple[str, str]:
    first, _, rest = text.partition(". ")
    return (first + "." if rest else first), rest


def write_jrnl(folder: Path, entries: list[Day]) -> Path:
    """jrnl's plain-text format, plus a config (in $XDG_CONFIG_HOME/jrnl/jrnl.yaml) pointing at it."""
    (folder / "config" / "jrnl").mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    journal = folder / "journal.txt"
    with journal.open("w", encoding="utf-8") as fh:
        for e in entries:
            title, rest = split_title(e.body)
            tags = " ".join("@" + t for t in e.tags)
            fh.write(f"[{e.written:%Y-%m-%d %H:%M}] {title}\n{rest}\n\n{tags}\n\n")
    config = (  # YAML, but not starting with "{": jrnl takes a JSON config for a pre-2.0 one to upgrade
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: false\nhighlight: true\nindent_character: '|'\n"
        f"journals: {{default: '{journal}'}}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        f"timeformat: '%Y-%m-%d %H:%M'\nversion: '{JRNL_VERSION}'\n"
    )
    (folder / "config" / "jrnl" / "jrnl.yaml").write_text(config, encoding="utf-8")
    return journal


def write_rednotebook(folder: Path, entries: list[Day]) -> int:
    """RedNotebook's data folder: one YYYY-MM.txt YAML file a month, {day: {text: ..., tag: null}}."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].txt"):
        old.unlink()
    months: dict[str, list[str]] = {}
    for e in entries:
        lines = [f"{e.day.day}:", f"  text: {json.dumps(e.body)}"]  # a JSON string is a YAML scalar
        lines += [f"  {json.dumps(t)}: null" for t in e.tags]
        months.setdefault(f"{e.day:%Y-%m}", []).extend(lines)
    for name, lines in months.items():
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(months)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="rutjournal data folder to (re)create")
    parser.add_argument("--years", type=int, default=10, help="years of daily entries (default 10)")
    parser.add_argument(
        "--end",
        type=dt.date.fromisoformat,
        default=dt.date.today() - dt.timedelta(days=1),
        help="last day with an entry (default yesterday, so today is still unwritten)",
    )
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--jrnl", type=Path, metavar="DIR", help="also write a jrnl journal + config here")
    parser.add_argument(
        "--rednotebook", type=Path, metavar="DIR", help="also write a RedNotebook data folder"
    )
    args = parser.parse_args()

    t0 = time.perf_counter()
    entries = make_entries(args.years, args.end, args.seed)
    n_words = sum(len(e.body.split()) for e in entries)
    t1 = time.perf_counter()
    path = write_rutjournal(args.data_dir, entries)
    t2 = time.perf_counter()
    print(
        f"{len(entries):,} entries, {n_words:,} words ({n_words / len(entries):.0f} a day), "
        f"{entries[0].day} .. {entries[-1].day}; generated in {t1 - t0:.1f} s"
    )
    print(f"rutjournal: {path} ({path.stat().st_size / 1e6:.1f} MB) in {t2 - t1:.1f} s")
    if args.jrnl:
        journal = write_jrnl(args.jrnl, entries)
        print(
            f"jrnl: {journal} ({journal.stat().st_size / 1e6:.1f} MB); "
            f"use XDG_CONFIG_HOME={args.jrnl / 'config'} XDG_DATA_HOME={args.jrnl / 'data'}"
        )
    if args.rednotebook:
        count = write_rednotebook(args.rednotebook, entries)
        print(f"RedNotebook: {args.rednotebook} ({count} month files); run: rednotebook {args.rednotebook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
