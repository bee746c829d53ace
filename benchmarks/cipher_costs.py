"""What a passphrase costs: opening a keyed connection, and reading one day, plain and encrypted.

    python benchmarks/make_journal.py --data-dir /tmp/rj10
    python benchmarks/cipher_costs.py --data-dir /tmp/rj10

Works on copies (the given journal is not touched). Prints medians in milliseconds for:
  plain          sqlite3 connection + read_day (what every read does without a passphrase)
  passphrase     sqlcipher3 connection keyed with the passphrase (SQLCipher runs PBKDF2 each time) + read_day
  raw key        a connection keyed with the raw key derived once per file (what rutjournal does) + read_day
  derive         the one-off key derivation (hashlib PBKDF2-HMAC-SHA512, 256,000 rounds)
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rutjournal.core.journal.store import read_day
from rutjournal.core.storage import cipher, encryption
from rutjournal.core.storage.connect import connect_raw

PASSPHRASE = "correct horse battery"


def median_ms(run: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--times", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rj-cipher-"))
    try:
        plain = work / "plain" / "journal.sqlite3"
        plain.parent.mkdir()
        shutil.copy(args.data_dir / "journal.sqlite3", plain)
        locked = work / "locked" / "journal.sqlite3"
        locked.parent.mkdir()
        shutil.copy(plain, locked)
        start = time.perf_counter()
        encryption.set_passphrase(locked, locked.parent / "backups", PASSPHRASE)
        print(f"passphrase set (encrypt + verify): {(time.perf_counter() - start) * 1000:.0f} ms")
        day = dt.date.today() - dt.timedelta(days=400)

        def read_plain() -> None:
            conn = connect_raw(plain)
            read_day(conn, day)
            conn.close()

        def read_passphrase() -> None:
            conn = cipher.connect(locked, None)
            conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
            read_day(conn, day)
            conn.close()

        def read_raw_key() -> None:
            conn = connect_raw(locked)
            read_day(conn, day)
            conn.close()

        salt = cipher.read_header(locked) or b""
        derive_ms = median_ms(lambda: cipher.derive(PASSPHRASE + str(time.perf_counter()), salt), 5)
        results = {
            "plain": median_ms(read_plain, args.times),
            "passphrase (KDF every connection)": median_ms(read_passphrase, max(5, args.times // 4)),
            "raw key (derived once; rutjournal)": median_ms(read_raw_key, args.times),
        }
        print(f"key derivation, once per file: {derive_ms:.1f} ms")
        for name, value in results.items():
            print(f"day read, new connection, {name}: {value:.2f} ms")
    finally:
        cipher.forget()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
