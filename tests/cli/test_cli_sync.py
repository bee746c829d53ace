"""``rutjournal sync``: set up, one round, status, leave; the passphrase from the environment or nowhere."""

from __future__ import annotations

import json
from pathlib import Path

from tests.rut import rut

PASSPHRASE = {"RUTJOURNAL_SYNC_PASSPHRASE": "correct horse battery staple"}


def _two(tmp_path: Path) -> tuple[str, str, str]:
    shared = tmp_path / "shared"
    shared.mkdir()
    return str(tmp_path / "laptop"), str(tmp_path / "desktop"), str(shared)


def test_two_journals_sync_through_the_command_line(tmp_path: Path) -> None:
    laptop, desktop, shared = _two(tmp_path)
    assert (
        rut("--data-dir", laptop, "add", "--date", "2026-03-01", "--mood", "4", "Laptop words").returncode
        == 0
    )
    assert rut("--data-dir", desktop, "add", "--date", "2026-03-01", "Desktop words").returncode == 0
    done = rut("--data-dir", laptop, "sync", "setup", shared, "--device", "laptop", env=PASSPHRASE)
    assert done.returncode == 0, done
    assert done.stdout.splitlines() == [f"This device, laptop, syncs with {shared} now.", "1 entry went out."]
    done = rut("--data-dir", desktop, "sync", "setup", shared, "--device", "desktop", env=PASSPHRASE)
    assert done.returncode == 0 and "1 entry came in from laptop." in done.stdout
    assert rut("--data-dir", laptop, "sync", env=PASSPHRASE).stdout == "1 entry came in from desktop.\n"
    for folder in (laptop, desktop):
        rut("--data-dir", folder, "sync", env=PASSPHRASE)
    shown = [
        json.loads(rut("--data-dir", f, "show", "2026-03-01", "--json").stdout) for f in (laptop, desktop)
    ]
    assert shown[0]["text"] == shown[1]["text"] and shown[0]["mood"] == shown[1]["mood"] == 4
    assert sorted(shown[0]["text"].split("\n\n")) == ["Desktop words", "Laptop words"]
    again = rut("--data-dir", desktop, "sync", env=PASSPHRASE)
    assert again.stdout == "Nothing new: this journal and the sync folder are in step.\n"


def test_status_and_leave(tmp_path: Path) -> None:
    laptop, desktop, shared = _two(tmp_path)
    rut("--data-dir", laptop, "sync", "setup", shared, "--device", "laptop", env=PASSPHRASE)
    rut("--data-dir", desktop, "sync", "setup", shared, "--device", "desktop", env=PASSPHRASE)
    rut("--data-dir", laptop, "sync", env=PASSPHRASE)
    status = rut("--data-dir", laptop, "sync", "status")  # no passphrase needed
    assert status.returncode == 0
    assert f"Syncs with: {shared}" in status.stdout and "laptop (this device)" in status.stdout
    assert "  desktop: 0 files" in status.stdout  # its name, though it has written no entry yet
    data = json.loads(rut("--data-dir", laptop, "sync", "status", "--json").stdout)
    assert data["name"] == "laptop" and data["folder"] == shared
    assert sorted(d["name"] for d in data["devices"]) == ["desktop", "laptop"]
    left = rut("--data-dir", laptop, "sync", "leave")
    assert left.returncode == 0 and "no longer syncs" in left.stdout
    after = rut("--data-dir", laptop, "sync", "status")
    assert after.returncode == 2 and "rutjournal sync setup FOLDER" in after.stderr
    assert (Path(shared) / "rutjournal-sync").is_dir()  # the others' folder stays


def test_no_passphrase_anywhere_is_exit_2_naming_the_variable(tmp_path: Path) -> None:
    laptop, _desktop, shared = _two(tmp_path)
    done = rut("--data-dir", laptop, "sync", "setup", shared, env={"RUTJOURNAL_SYNC_PASSPHRASE": None})
    assert done.returncode == 2 and "RUTJOURNAL_SYNC_PASSPHRASE" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not (Path(shared) / "rutjournal-sync").exists()


def test_a_wrong_passphrase_is_exit_2_and_one_sentence(tmp_path: Path) -> None:
    laptop, desktop, shared = _two(tmp_path)
    rut("--data-dir", laptop, "sync", "setup", shared, "--device", "laptop", env=PASSPHRASE)
    wrong = {"RUTJOURNAL_SYNC_PASSPHRASE": "battery staple"}
    done = rut("--data-dir", desktop, "sync", "setup", shared, env=wrong)
    assert done.returncode == 2 and done.stdout == ""
    assert (
        done.stderr.startswith("rutjournal sync: This is not the passphrase") and done.stderr.count("\n") == 1
    )
    assert rut("--data-dir", desktop, "sync", env=PASSPHRASE).returncode == 2  # it was not set up


def test_setup_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    laptop, _desktop, shared = _two(tmp_path)
    missing = rut("--data-dir", laptop, "sync", "setup", str(tmp_path / "nowhere"), env=PASSPHRASE)
    assert missing.returncode == 2 and "FOLDER" in missing.stderr
    blank = rut("--data-dir", laptop, "sync", "setup", shared, "--device", " ", env=PASSPHRASE)
    assert blank.returncode == 2 and "--device" in blank.stderr
    assert rut("--data-dir", laptop, "sync", "setup", shared, "--device", "a", env=PASSPHRASE).returncode == 0
    twice = rut("--data-dir", laptop, "sync", "setup", shared, "--device", "b", env=PASSPHRASE)
    assert twice.returncode == 1 and "sync leave" in twice.stderr


def test_a_device_remembers_the_key_unless_told_not_to(tmp_path: Path) -> None:
    laptop, desktop, shared = _two(tmp_path)
    rut("--data-dir", laptop, "sync", "setup", shared, "--device", "laptop", env=PASSPHRASE)
    rut(
        "--data-dir", desktop, "sync", "setup", shared, "--device", "desktop", "--no-remember", env=PASSPHRASE
    )
    rut("--data-dir", desktop, "add", "--date", "2026-03-02", "Desktop words")
    rut("--data-dir", desktop, "sync", env=PASSPHRASE)
    no_passphrase = {"RUTJOURNAL_SYNC_PASSPHRASE": None}
    done = rut("--data-dir", laptop, "sync", env=no_passphrase)  # the remembered key is enough
    assert done.returncode == 0 and done.stdout == "1 entry came in from desktop.\n"
    status = json.loads(rut("--data-dir", laptop, "sync", "status", "--json").stdout)
    assert status["key_remembered"] is True and status["last_came_in"] == {"desktop": {"entries": 1}}
    assert "Sync passphrase: remembered on this device" in rut("--data-dir", laptop, "sync", "status").stdout
    asked = rut("--data-dir", desktop, "sync", env=no_passphrase)
    assert asked.returncode == 2 and "RUTJOURNAL_SYNC_PASSPHRASE" in asked.stderr
    assert "asked for at each sync" in rut("--data-dir", desktop, "sync", "status").stdout
