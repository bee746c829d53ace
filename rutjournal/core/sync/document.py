"""The replicated document (a ``pycrdt.Doc``): every synced record under its stable uid, one Map per table.

``entries`` maps an entry's uid to a Map: ``day`` (ISO text), ``mood`` ``energy`` ``challenge`` ``load``
(1–5 or None), ``hours`` (or None), ``tags`` (a Map of tag → True: adding and removing one tag on two devices
both hold), ``body`` (a ``pycrdt.Text``), ``deleted`` (a tombstone: a deletion propagates and never comes back
by a late update), ``origin`` (the uid of the device that created it) and ``created`` (ISO, kept everywhere).
The other sections' tables are Maps of their own beside it (``TABLES``), keyed by uid the same way (records.py).

**Local → document** (``record_local``): each local entry is compared with what the document shows for it; a
change of text goes in as Text edits (difflib's delete and insert ranges), never as a new Text, so two devices'
concurrent edits of one day both survive; scalars are set (the engine decides between concurrent sets); a local
entry that is gone sets the tombstone.

**The same day on two devices** (different uids): the document then holds two live entries of one day, and
SQLite has room for one. The *view* (``view``) shows every day as one entry: the lexicographically smallest uid,
holding the live entries' texts joined by a blank line in uid order, each score from the first entry that has
one, the tags of all: the same on every device, whatever order the updates came in. The texts are then folded
into one (``fold``): the winner's Text gains the other's text as a new paragraph and the other is tombstoned.
Only the device that created the other entry folds it (``origin``): were every device to fold, each would
append the same paragraph, and the engine, which keeps every concurrent insert, would keep it twice. The fold
changes nothing the view shows, so it may come any time later, or never (that device gone): nothing is lost.
Edits of a day shown joined go into the entries they fall in (``texts.edit_texts``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from pycrdt import Doc, Map, Text

from rutjournal.core.journal.store_by_uid import UidEntry
from rutjournal.core.sync import records_table
from rutjournal.core.sync.texts import edit_texts
from rutjournal.core.values import SCORE_FIELDS, Scores

TABLES = ("entries", *(table.name for table in records_table.TABLES))
SEPARATOR = "\n\n"
NUMBERS = (*SCORE_FIELDS, "hours")


class Record(NamedTuple):
    """One entry as the document holds it (live or tombstoned), in plain values."""

    uid: str
    day: str
    body: str
    scores: Scores
    tags: tuple[str, ...]
    deleted: bool
    origin: str
    created: str


class Shown(NamedTuple):
    """One day as the view shows it, and as SQLite holds it after a round."""

    uid: str
    day: dt.date
    body: str
    scores: Scores
    tags: tuple[str, ...]
    created: dt.datetime
    members: tuple[str, ...]  # the live entries of the day, the shown uid first

    def same_as(self, local: UidEntry) -> bool:
        return (self.uid, self.day, self.body, self.scores, self.tags) == (
            local.uid,
            local.day,
            local.body,
            local.scores,
            tuple(sorted(local.tags)),
        )


def entries_of(doc: Doc[Any]) -> Map[Any]:
    entries: Map[Any] = doc.get("entries", type=Map)
    return entries


def _score(value: Any) -> int | None:
    return None if value is None else int(value)


def _record(uid: str, item: Map[Any]) -> Record:
    hours = item.get("hours")
    scores = Scores(
        mood=_score(item.get("mood")),
        energy=_score(item.get("energy")),
        challenge=_score(item.get("challenge")),
        hours=None if hours is None else float(hours),
        load=_score(item.get("load")),
    )
    tags = item.get("tags")
    body = item.get("body")
    return Record(
        uid=uid,
        day=str(item.get("day", "")),
        body=str(body) if body is not None else "",
        scores=scores,
        tags=tuple(sorted(tags.keys())) if isinstance(tags, Map) else (),
        deleted=bool(item.get("deleted", False)),
        origin=str(item.get("origin", "")),
        created=str(item.get("created", "")),
    )


def records(doc: Doc[Any]) -> dict[str, Record]:
    """Every entry the document holds, tombstones included, by uid."""
    return {uid: _record(uid, item) for uid, item in entries_of(doc).items() if isinstance(item, Map)}


def _groups(held: Mapping[str, Record]) -> dict[str, list[Record]]:
    """The live entries of each day that has one, in uid order (the first is the one shown)."""
    days: dict[str, list[Record]] = {}
    for record in sorted(held.values(), key=lambda r: r.uid):
        if not record.deleted and _valid_day(record.day):
            days.setdefault(record.day, []).append(record)
    return days


def _valid_day(day: str) -> bool:
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return False
    return True


def view(doc: Doc[Any]) -> dict[str, Shown]:
    """What every day shows (one entry a day), by the shown uid."""
    shown = {}
    for day, members in _groups(records(doc)).items():
        first = members[0]
        values = {
            name: next(
                (getattr(r.scores, name) for r in members if getattr(r.scores, name) is not None), None
            )
            for name in NUMBERS
        }
        created = min((r.created for r in members if r.created), default="")
        shown[first.uid] = Shown(
            uid=first.uid,
            day=dt.date.fromisoformat(day),
            body=SEPARATOR.join(r.body for r in members if r.body),
            scores=Scores(**values),
            tags=tuple(sorted({tag for r in members for tag in r.tags})),
            created=dt.datetime.fromisoformat(created) if created else dt.datetime(1970, 1, 1),
            members=tuple(r.uid for r in members),
        )
    return shown


def fold(doc: Doc[Any], device: str) -> int:
    """Fold into the day's shown entry each other live entry of that day that this device created (see the
    module's docstring); returns how many were folded. The view is the same before and after."""
    entries, folded = entries_of(doc), 0
    with doc.transaction():
        for members in _groups(records(doc)).values():
            winner = entries[members[0].uid]
            for loser in members[1:]:
                if loser.origin != device:
                    continue
                body: Text = winner["body"]
                if loser.body:
                    text = SEPARATOR + loser.body if str(body) else loser.body
                    body.insert(len(body), text)
                for name in NUMBERS:
                    if winner.get(name) is None and getattr(loser.scores, name) is not None:
                        winner[name] = getattr(loser.scores, name)
                tags: Map[Any] = winner["tags"]
                for tag in loser.tags:
                    if tag not in tags:
                        tags[tag] = True
                entries[loser.uid]["deleted"] = True
                folded += 1
    return folded


def record_local(doc: Doc[Any], local: Mapping[str, UidEntry], device: str) -> int:
    """Put this device's entries into the document as edits; returns how many entries changed. The document
    must be what the last round projected into SQLite (so a difference is a local edit)."""
    entries, held = entries_of(doc), records(doc)
    shown = view(doc)
    changed = 0
    with doc.transaction():
        for uid, entry in local.items():
            if uid in shown:
                if shown[uid].same_as(entry):
                    continue
                _change(entries, shown[uid], entry)
            elif uid in held:  # tombstoned, or not shown: brought back as this device has it
                record = held[uid]
                members = (uid,)
                entries[uid]["deleted"] = False
                _change(
                    entries,
                    Shown(uid, entry.day, record.body, record.scores, record.tags, entry.created_at, members),
                    entry,
                )
            else:
                entries[uid] = _new_entry(entry, device)
            changed += 1
        for uid, day in shown.items():
            if uid not in local:  # deleted here: every entry the day showed goes
                for member in day.members:
                    entries[member]["deleted"] = True
                changed += 1
    return changed


def _new_entry(entry: UidEntry, device: str) -> Map[Any]:
    values: dict[str, Any] = {name: getattr(entry.scores, name) for name in NUMBERS}
    return Map(
        {
            "day": entry.day.isoformat(),
            **values,
            "tags": Map({tag: True for tag in entry.tags}),
            "body": Text(entry.body),
            "deleted": False,
            "origin": device,
            "created": entry.created_at.isoformat(),
        }
    )


def _change(entries: Map[Any], shown: Shown, entry: UidEntry) -> None:
    members = [entries[uid] for uid in shown.members]
    if entry.day != shown.day:
        for item in members:
            item["day"] = entry.day.isoformat()
    for name in NUMBERS:
        value = getattr(entry.scores, name)
        if value != getattr(shown.scores, name):
            for item in members:  # every entry of the day: the view takes the first that has one
                item[name] = value
    wanted = set(entry.tags)
    for item in members:
        tags: Map[Any] = item["tags"]
        for tag in set(tags.keys()) - wanted:
            del tags[tag]
    first_tags: Map[Any] = members[0]["tags"]
    for tag in sorted(wanted - set(shown.tags)):
        first_tags[tag] = True
    if entry.body != shown.body:
        edit_texts([item["body"] for item in members], shown.body, entry.body, SEPARATOR)


def apply(doc: Doc[Any], updates: Iterable[bytes]) -> None:
    for update in updates:
        doc.apply_update(update)
