"""``rutjournal sync`` tells what went out and what came in, per kind of record ("1 entry and 2 tasks")."""

from __future__ import annotations

from pathlib import Path

from tests.rut import rut

PASSPHRASE = {"RUTJOURNAL_SYNC_PASSPHRASE": "correct horse battery staple"}


def test_sync_prints_the_counts_of_each_kind(tmp_path: Path) -> None:
    laptop, desktop, shared = str(tmp_path / "laptop"), str(tmp_path / "desktop"), tmp_path / "shared"
    shared.mkdir()
    assert rut("--data-dir", laptop, "add", "--date", "2026-03-01", "Laptop words").returncode == 0
    for title in ("Team sync", "Weekly report"):
        assert rut("--data-dir", laptop, "task", "add", title, "--hours", "0.5").returncode == 0
    done = rut("--data-dir", laptop, "sync", "setup", str(shared), "--device", "laptop", env=PASSPHRASE)
    assert done.returncode == 0, done
    assert done.stdout.splitlines()[1:] == ["1 entry and 2 tasks went out."]
    done = rut("--data-dir", desktop, "sync", "setup", str(shared), "--device", "desktop", env=PASSPHRASE)
    assert done.stdout.splitlines()[1:] == ["1 entry and 2 tasks came in from laptop."]
    assert rut("--data-dir", desktop, "task", "add", "Code review", "--hours", "2").returncode == 0
    done = rut("--data-dir", desktop, "sync", env=PASSPHRASE)
    assert done.stdout == "1 task went out.\n"
    listed = rut("--data-dir", laptop, "sync", env=PASSPHRASE)
    assert listed.stdout == "1 task came in from desktop.\n"
    assert "Code review" in rut("--data-dir", laptop, "task", "list").stdout
