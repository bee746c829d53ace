"""Devices sharing one sync folder end up holding the same journal, with every edit each made."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from rutjournal.core.values import Scores
from tests.core.sync_devices import PASSPHRASE, devices, in_step


def test_two_devices_add_edit_and_delete_and_end_the_same(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    laptop.write("2026-03-01", "Planned the roadmap.", mood=4, tags=("plan",))
    laptop.write("2026-03-02", "A day to delete.")
    desktop.write("2026-03-03", "Interviewed a candidate.", hours=7.5)
    report = laptop.sync()
    assert report.went_out == {"entries": 2} and report.came_in == {}
    report = desktop.sync()
    assert report.came_in == {"laptop": {"entries": 2}} and report.went_out == {"entries": 1}
    assert laptop.sync().came_in == {"desktop": {"entries": 1}}
    desktop.write(
        "2026-03-01", "Planned the roadmap. Shared it with the team.", mood=5, tags=("plan", "team")
    )
    desktop.delete("2026-03-02")
    laptop.write("2026-03-03", "Interviewed a candidate. Strong hire.", hours=7.5, energy=2)
    held = in_step(laptop, desktop)
    assert held == {
        "2026-03-01": ("Planned the roadmap. Shared it with the team.", Scores(mood=5), ("plan", "team")),
        "2026-03-03": ("Interviewed a candidate. Strong hire.", Scores(energy=2, hours=7.5), ()),
    }


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_three_devices_converge_whatever_order_they_sync_in(tmp_path: Path, order: tuple[int, ...]) -> None:
    trio = devices(tmp_path, "laptop", "desktop", "phone")
    for n, device in enumerate(trio):
        device.write(f"2026-04-0{n + 1}", f"Written on the {device.name}.", mood=n + 1)
    for n in order:
        trio[n].sync()
    assert len(in_step(*(trio[n] for n in order))) == 3
    trio[0].append("2026-04-02", "The laptop adds a line.")
    trio[1].append("2026-04-02", "The desktop adds one too.")
    trio[2].delete("2026-04-01")
    trio[2].write("2026-04-05", "Phone only, offline.", tags=("travel",))
    for n in reversed(order):
        trio[n].sync()
    held = in_step(*(trio[n] for n in order))
    assert set(held) == {"2026-04-02", "2026-04-03", "2026-04-05"}
    text = held["2026-04-02"][0]
    assert text.startswith("Written on the desktop.")
    assert "The laptop adds a line." in text and "The desktop adds one too." in text
    assert held["2026-04-05"] == ("Phone only, offline.", Scores(), ("travel",))


def test_the_same_day_written_on_two_devices_becomes_one_entry_with_both_texts(tmp_path: Path) -> None:
    laptop, desktop, phone = devices(tmp_path, "laptop", "desktop", "phone")
    laptop.write("2026-05-04", "Laptop: wrote the design doc.", mood=3)
    desktop.write("2026-05-04", "Desktop: fixed the build.", energy=4, tags=("ci",))
    laptop.sync()
    desktop.sync()
    phone.sync()
    held = in_step(laptop, desktop, phone)
    (body, scores, tags) = held["2026-05-04"]
    assert sorted(body.split("\n\n")) == ["Desktop: fixed the build.", "Laptop: wrote the design doc."]
    assert (scores.mood, scores.energy, tags) == (3, 4, ("ci",))
    # the texts were folded into one entry once, by one device: more rounds never repeat a paragraph
    phone.append("2026-05-04", "Phone: read both.")
    held = in_step(phone, desktop, laptop)
    body = held["2026-05-04"][0]
    for part in ("Desktop: fixed the build.", "Laptop: wrote the design doc.", "Phone: read both."):
        assert body.count(part) == 1


def test_a_device_joining_with_a_journal_of_its_own_merges_it(tmp_path: Path) -> None:
    (laptop,) = devices(tmp_path, "laptop")
    laptop.write("2026-01-10", "Laptop's old entry.")
    laptop.sync()
    (desktop,) = devices(tmp_path, "desktop", set_up=False)
    desktop.write("2026-01-11", "Desktop's old entry.")
    report = desktop.setup()
    assert report.came_in == {"laptop": {"entries": 1}} and report.went_out == {"entries": 1}
    held = in_step(laptop, desktop)
    assert set(held) == {"2026-01-10", "2026-01-11"}


def test_the_sync_folder_holds_no_plaintext(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    laptop.write(
        "2026-02-02", "Negotiated with Quetzalcoatl about the Brontosaurus budget.", tags=("zyzzyva",)
    )
    in_step(laptop, desktop)
    files = [p for p in (tmp_path / "shared").rglob("*") if p.is_file()]
    assert len(files) >= 5
    for path in files:
        data = path.read_bytes()
        for word in ("Quetzalcoatl", "Brontosaurus", "zyzzyva", "laptop", "desktop", "2026-02-02"):
            assert word.encode() not in data, (path, word)
            assert word.encode("utf-16-le") not in data, (path, word)


def test_a_garbled_or_foreign_file_is_skipped_with_a_message_and_tried_again(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    laptop.write("2026-06-01", "First.")
    laptop.sync()
    (update,) = (tmp_path / "shared" / "rutjournal-sync").glob("*/u-00000001-*.rjs")
    good = update.read_bytes()
    update.write_bytes(good[:-7])  # the sync tool is still bringing it
    foreign = update.parent / "u-00000099-0badf00d.rjs"
    foreign.write_bytes(b"RJS1" + bytes(40))  # not sealed with this folder's key
    report = desktop.sync()
    assert len(report.skipped) == 2 and all("tried again next time" in line for line in report.skipped)
    assert any(update.name in line for line in report.skipped)
    assert desktop.entries() == {}
    update.write_bytes(good)
    report = desktop.sync()
    assert report.came_in == {"laptop": {"entries": 1}} and len(report.skipped) == 1
    assert desktop.entries()["2026-06-01"][0] == "First."


def test_a_wrong_passphrase_changes_nothing_anywhere(tmp_path: Path) -> None:
    from rutjournal.core.sync import service
    from rutjournal.core.sync.sealed import WrongSyncPassphrase

    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    laptop.write("2026-06-01", "Words.")
    laptop.sync()

    def everything() -> dict[str, bytes]:
        return {
            str(p): p.read_bytes()
            for p in sorted(tmp_path.rglob("*"))
            if p.is_file() and ".lock" not in p.name
        }

    before = everything()
    with pytest.raises(WrongSyncPassphrase):
        service.round(desktop.paths, PASSPHRASE + "!")
    assert everything() == before


def test_a_round_killed_after_writing_its_file_sends_nothing_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rutjournal.core.sync import project

    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    laptop.write("2026-07-01", "Before the crash.")
    in_step(laptop, desktop)
    laptop.append("2026-07-01", "Typed just before it.")

    def killed(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(project, "project", killed)
    with pytest.raises(KeyboardInterrupt):
        laptop.sync()
    monkeypatch.undo()
    held = in_step(laptop, desktop)
    assert held["2026-07-01"][0].count("Typed just before it.") == 1


def test_a_half_written_file_of_this_device_is_cleared_away(tmp_path: Path) -> None:
    from rutjournal.core.sync.state import load_state

    (laptop,) = devices(tmp_path, "laptop")
    state = load_state(laptop.paths.data_dir)
    assert state is not None
    home = tmp_path / "shared" / "rutjournal-sync" / state.device
    leftover = home / ".partial-999999999-0a0b0c0d-u-00000007-0a0b0c0d.rjs"  # its writer was killed
    leftover.write_bytes(b"RJS1 half")
    laptop.sync()
    assert not leftover.exists()


def test_a_command_run_while_a_round_runs_waits_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rutjournal add` (another process, here a thread on its own connection) comes while a round is between
    reading the journal and writing the view back: it waits for the round's transaction, then adds to what the
    round wrote, and the next round sends it on."""
    import threading

    from rutjournal.core.sync import document

    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    laptop.write("2026-03-01", "First draft.")
    in_step(laptop, desktop)
    desktop.write("2026-03-01", "First draft. The desktop's edit.")
    desktop.sync()
    record_local = document.record_local
    meanwhile: list[threading.Thread] = []

    def and_meanwhile(*args: object, **kwargs: object) -> int:
        sent = record_local(*args, **kwargs)  # type: ignore[arg-type]
        for day, text in (
            ("2026-03-01", "Added on the laptop during the round."),
            ("2026-03-09", "A new day."),
        ):
            adding = threading.Thread(target=laptop.append, args=(day, text))
            adding.start()
            meanwhile.append(adding)
        adding.join(timeout=0.3)
        assert adding.is_alive()  # it waits for the round's write transaction
        return sent

    monkeypatch.setattr(document, "record_local", and_meanwhile)
    laptop.sync()
    monkeypatch.setattr(document, "record_local", record_local)
    for adding in meanwhile:
        adding.join(timeout=30)
    held = in_step(laptop, desktop)
    assert held["2026-03-09"][0] == "A new day."
    both = held["2026-03-01"][0]
    assert "The desktop's edit." in both and "Added on the laptop during the round." in both


def test_a_remembered_key_syncs_without_the_passphrase_and_can_be_forgotten(tmp_path: Path) -> None:
    from rutjournal.core.sync import service
    from rutjournal.core.sync.sealed import WrongSyncPassphrase

    laptop, desktop = devices(tmp_path, "laptop", "desktop")
    desktop.write("2026-03-01", "Desktop words")
    desktop.sync()
    assert service.round(laptop.paths).came_in == {"desktop": {"entries": 1}}
    assert service.status(laptop.paths).key_remembered
    assert service.forget_key(laptop.paths)
    with pytest.raises(service.NeedsPassphrase):
        service.round(laptop.paths)
    with pytest.raises(WrongSyncPassphrase):
        service.remember_key(laptop.paths, "not it")
    assert not service.status(laptop.paths).key_remembered
    service.remember_key(laptop.paths, PASSPHRASE)
    assert service.round(laptop.paths).came_in == {}
