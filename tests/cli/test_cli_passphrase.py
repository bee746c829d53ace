"""`rutjournal passphrase set|change|remove`, and every command on an encrypted journal, as a user runs them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests import rut as run
from tests.rut import Ran

SECRET = "correct horse"


def rut(*args: str, stdin: str = "", passphrase: str | None = None) -> Ran:
    """A command with the passphrase in RUTJOURNAL_PASSPHRASE, or none there."""
    return run.rut(*args, stdin=stdin, env={"RUTJOURNAL_PASSPHRASE": passphrase})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(done: Ran) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def encrypted_journal(data_dir: Path) -> Path:
    assert rut("add", "--date", "2026-03-01", "--mood", "4", "asked for the promotion").returncode == 0
    assert rut("backup").returncode == 0
    done = rut("passphrase", "set", stdin=f"{SECRET}\n{SECRET}\n")
    assert done.returncode == 0, done.stderr
    assert "now encrypted" in done.stdout and "1 backup(s)" in done.stdout
    return data_dir / "journal.sqlite3"


def test_every_command_works_with_the_passphrase(data_dir: Path) -> None:
    journal = encrypted_journal(data_dir)
    assert not journal.read_bytes().startswith(b"SQLite format 3")
    for args in (
        ("add", "--date", "2026-03-02", "--tag", "boss", "second day"),
        ("show", "2026-03-01"),
        ("search", "promotion"),
        ("task", "add", "Weekly status report", "--hours", "2h"),
        ("report", "load"),
        ("backup",),
        ("backups", "--json"),
    ):
        done = rut(*args, passphrase=SECRET)
        assert done.returncode == 0, (args, done.stderr)
    shown = json.loads(rut("show", "2026-03-02", "--json", passphrase=SECRET).stdout)
    assert shown["text"] == "second day"
    assert "promotion" in rut("search", "promotion", passphrase=SECRET).stdout
    listed = json.loads(rut("backups", "--json", passphrase=SECRET).stdout)
    assert len(listed) == 2
    for backup in listed:
        assert not Path(backup["path"]).read_bytes().startswith(b"SQLite format 3")
    restored = rut("restore", str(len(listed)), passphrase=SECRET)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(rut("show", "2026-03-02", "--json", passphrase=SECRET).stdout) is None
    assert not journal.read_bytes().startswith(b"SQLite format 3")


def test_without_or_with_a_wrong_passphrase_one_line_exit_2_and_nothing_written(data_dir: Path) -> None:
    journal = encrypted_journal(data_dir)
    before = digest(journal)
    files = sorted(p.name for p in data_dir.iterdir())
    missing = rut("show", "2026-03-01")
    assert missing.returncode == 2
    assert "is encrypted" in one_line(missing) and "RUTJOURNAL_PASSPHRASE" in missing.stderr
    for args in (("add", "more text"), ("show", "2026-03-01"), ("backup",)):
        wrong = rut(*args, passphrase="not the passphrase")
        assert wrong.returncode == 2
        assert one_line(wrong) == f"rutjournal {args[0]}: wrong passphrase for {journal}"
    assert digest(journal) == before and sorted(p.name for p in data_dir.iterdir()) == files
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_set_refuses_a_short_or_mistyped_passphrase(data_dir: Path) -> None:
    assert rut("add", "hello").returncode == 0
    journal = data_dir / "journal.sqlite3"
    before = digest(journal)
    short = rut("passphrase", "set", stdin="short\nshort\n")
    assert short.returncode == 2 and "at least 8 characters" in one_line(short)
    mistyped = rut("passphrase", "set", stdin=f"{SECRET}\n{SECRET}x\n")
    assert mistyped.returncode == 2 and "the same twice" in one_line(mistyped)
    assert digest(journal) == before and not (data_dir / "journal.sqlite3.encrypted").exists()


def test_change_and_remove_round_trip(data_dir: Path) -> None:
    journal = encrypted_journal(data_dir)
    before = digest(journal)
    wrong = rut("passphrase", "change", stdin="not the passphrase\nbattery staple\nbattery staple\n")
    assert wrong.returncode == 2 and "wrong passphrase" in one_line(wrong)
    assert digest(journal) == before
    changed = rut("passphrase", "change", stdin=f"{SECRET}\nbattery staple\nbattery staple\n")
    assert changed.returncode == 0, changed.stderr
    assert rut("show", "2026-03-01", passphrase=SECRET).returncode == 2
    assert rut("show", "2026-03-01", passphrase="battery staple").returncode == 0
    assert len(json.loads(rut("backups", "--json", passphrase="battery staple").stdout)) == 1
    kept = rut("passphrase", "remove", stdin="battery staple\nno\n")
    assert kept.returncode == 0 and "Nothing was changed" in kept.stdout
    removed = rut("passphrase", "remove", stdin="battery staple\nyes\n")
    assert removed.returncode == 0, removed.stderr
    assert journal.read_bytes().startswith(b"SQLite format 3\x00")
    assert not (data_dir / "journal.sqlite3.encrypted").exists()
    shown = json.loads(rut("show", "2026-03-01", "--json").stdout)
    assert shown["text"] == "asked for the promotion"
    assert len(json.loads(rut("backups", "--json").stdout)) == 1
