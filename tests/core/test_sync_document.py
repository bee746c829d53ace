"""The replicated document alone: local edits become CRDT edits that merge; one day shows as one entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pycrdt import Doc, Text

from rutjournal.core.journal.store_by_uid import UidEntry
from rutjournal.core.sync import document, texts
from rutjournal.core.values import Scores

DAY = dt.date(2026, 3, 2)
CREATED = dt.datetime(2026, 3, 2, 8, 0)
A, B = "a" * 32, "b" * 32


def _entry(uid: str, body: str, *, day: dt.date = DAY, tags: tuple[str, ...] = (), **scores: Any) -> UidEntry:
    return UidEntry(uid, day, body, Scores(**scores), tags, CREATED)


def _copy(doc: Doc[Any]) -> Doc[Any]:
    other: Doc[Any] = Doc()
    other.apply_update(doc.get_update())
    return other


def _exchange(one: Doc[Any], two: Doc[Any]) -> None:
    one_update, two_update = one.get_update(two.get_state()), two.get_update(one.get_state())
    two.apply_update(one_update)
    one.apply_update(two_update)


def test_a_new_entry_goes_in_whole_and_shows_as_it_was() -> None:
    doc: Doc[Any] = Doc()
    entry = _entry(A, "Planned the launch 🚀 with Ana", tags=("launch", "team"), mood=4, hours=7.5)
    assert document.record_local(doc, {A: entry}, "device-1") == 1
    (shown,) = document.view(doc).values()
    assert shown.same_as(entry) and shown.created == CREATED
    assert document.record_local(doc, {A: entry}, "device-1") == 0  # nothing changed since


def test_concurrent_edits_of_one_text_both_survive() -> None:
    laptop: Doc[Any] = Doc()
    document.record_local(laptop, {A: _entry(A, "Morning: standup.\nEvening: gym.")}, "laptop")
    desktop = _copy(laptop)
    document.record_local(
        laptop, {A: _entry(A, "Morning: standup, then the ✨ review.\nEvening: gym.")}, "laptop"
    )
    document.record_local(desktop, {A: _entry(A, "Morning: standup.\nEvening: gym and dinner.")}, "desktop")
    _exchange(laptop, desktop)
    expected = "Morning: standup, then the ✨ review.\nEvening: gym and dinner."
    assert [d.body for d in document.view(laptop).values()] == [expected]
    assert document.view(desktop) == document.view(laptop)


def test_concurrent_scores_and_tags_converge_and_a_delete_wins_over_nothing() -> None:
    laptop: Doc[Any] = Doc()
    document.record_local(laptop, {A: _entry(A, "x", tags=("one",), mood=2)}, "laptop")
    desktop = _copy(laptop)
    document.record_local(laptop, {A: _entry(A, "x", tags=("one", "two"), mood=3)}, "laptop")
    document.record_local(desktop, {A: _entry(A, "x", tags=("three",), energy=5, mood=2)}, "desktop")
    _exchange(laptop, desktop)
    (shown,) = document.view(laptop).values()
    assert document.view(desktop) == document.view(laptop)
    assert shown.tags == ("three", "two") and shown.scores.energy == 5  # "one" removed on one, kept on none
    document.record_local(desktop, {}, "desktop")  # deleted on the desktop
    _exchange(laptop, desktop)
    assert document.view(laptop) == document.view(desktop) == {}


def test_one_day_written_on_two_devices_shows_as_one_entry_and_folds_once() -> None:
    laptop: Doc[Any] = Doc()
    desktop: Doc[Any] = Doc()
    document.record_local(laptop, {A: _entry(A, "Laptop words.", mood=2)}, "laptop")
    document.record_local(desktop, {B: _entry(B, "Desktop words.", energy=4, tags=("x",))}, "desktop")
    _exchange(laptop, desktop)
    joined = document.view(laptop)
    assert document.view(desktop) == joined
    (shown,) = joined.values()
    assert (shown.uid, shown.body, shown.members) == (A, "Laptop words.\n\nDesktop words.", (A, B))
    assert (shown.scores.mood, shown.scores.energy, shown.tags) == (2, 4, ("x",))
    assert document.fold(laptop, "laptop") == 0  # not the laptop's to fold: B is the desktop's
    assert document.fold(desktop, "desktop") == 1
    assert document.view(desktop)[A]._replace(members=()) == shown._replace(members=())
    _exchange(laptop, desktop)
    assert document.fold(laptop, "laptop") == document.fold(desktop, "desktop") == 0
    (after,) = document.view(laptop).values()
    assert after.body == "Laptop words.\n\nDesktop words." and after.members == (A,)
    assert document.records(laptop)[B].deleted


def test_an_edit_of_a_joined_day_goes_into_the_texts_it_falls_in() -> None:
    doc: Doc[Any] = Doc()
    document.record_local(doc, {A: _entry(A, "First part."), B: _entry(B, "Second part.", day=DAY)}, "x")
    (shown,) = document.view(doc).values()
    assert shown.body == "First part.\n\nSecond part."
    edited = _entry(A, "First part, longer.\n\nSecond part changed. Third.")
    document.record_local(doc, {A: edited}, "x")
    held = document.records(doc)
    assert (held[A].body, held[B].body) == ("First part, longer.", "Second part changed. Third.")
    assert document.view(doc)[A].same_as(edited)


def test_edit_texts_counts_in_code_points_where_the_engine_counts_bytes() -> None:
    doc: Doc[Any] = Doc()
    text = doc.get("t", type=Text)
    text += "Grüße 👋 an alle"
    texts.edit_texts([text], "Grüße 👋 an alle", "Grüße 👋👋 an Ana und alle")
    assert str(text) == "Grüße 👋👋 an Ana und alle"
