"""Writing entries through the ORM, one transaction each (imported only when something is written)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from rutjournal.core.journal.entry_merge import Content, EditBase, merge_content
from rutjournal.core.journal.reading import DayEntry, read_day
from rutjournal.core.storage.db import Database
from rutjournal.core.storage.models import Entry, Tag, entry_tags, utcnow
from rutjournal.core.values import Scores, check_body


@dataclass(frozen=True)
class Saved:
    """The day as stored by a save (None: removed, having nothing in it), and whether another writer's
    change was merged in — then it differs from what the editor sent."""

    entry: DayEntry | None
    merged: bool = False


def save_day(
    db: Database, day: dt.date, body: str, scores: Scores, names: Sequence[str], base: EditBase | None = None
) -> Saved:
    """Make the day's entry this; an entry with nothing in it is removed.

    With ``base`` (what the editor loaded), a stored entry that moved on since — ``rutjournal add``, an import,
    another window — is merged with instead of overwritten (``entry_merge``). The entry returned is read in
    the same transaction, so it is exactly what this save left, whatever another writer does next.
    """
    with db.write_session() as session, session.begin():
        entry = _load(session, day)
        ours = Content(body, scores, tuple(sorted(names)))
        wanted = ours
        if base is not None and _moved_on(entry, base):
            wanted = merge_content(base.content, ours, _content_of(entry))
            check_body(wanted.body)
        if not wanted.body.strip() and wanted.scores == Scores() and not wanted.tags:
            if entry is not None:
                session.delete(entry)
                session.flush()
                _drop_unused_tags(session)
            return Saved(None, merged=wanted != ours)
        if entry is None:
            entry = Entry(day=day)
            session.add(entry)
        if entry.id is None or _content_of(entry) != wanted:  # else nothing changed: keep updated_at honest
            entry.body = wanted.body
            _set_scores(entry, wanted.scores)
            entry.tags = _tags(session, wanted.tags)
            entry.updated_at = utcnow()
            session.flush()
            _drop_unused_tags(session)
        return Saved(read_day(_raw(session), day), merged=wanted != ours)


def append_day(db: Database, day: dt.date, text: str, scores: Scores, names: Sequence[str]) -> None:
    """Add text to the end of the day's entry (creating it); given scores replace, tags are added."""
    with db.write_session() as session, session.begin():
        entry = _load(session, day)
        if entry is None:
            entry = Entry(day=day, body="")
            session.add(entry)
        if text:
            old = entry.body.rstrip("\n")
            entry.body = check_body(f"{old}\n\n{text}" if old else text)
        given = {k: v for k, v in vars(scores).items() if v is not None}
        _set_scores(entry, replace(_scores_of(entry), **given))
        existing = [t.name for t in entry.tags]
        entry.tags = _tags(session, existing + [n for n in names if n not in existing])
        entry.updated_at = utcnow()


def _moved_on(entry: Entry | None, base: EditBase) -> bool:
    """Whether the stored entry is not the one, or not the revision, the editor loaded."""
    if entry is None:
        return base.revision is not None
    return base.revision != (entry.id, entry.revision) or _content_of(entry) != base.content


def _content_of(entry: Entry | None) -> Content:
    if entry is None:
        return Content()
    return Content(entry.body, _scores_of(entry), tuple(sorted(t.name for t in entry.tags)))


def _raw(session: Session) -> sqlite3.Connection:
    """The session's own DB-API connection: a read there sees this transaction's writes, triggers included."""
    raw = session.connection().connection.driver_connection
    assert raw is not None
    return raw  # type: ignore[no-any-return]


def _load(session: Session, day: dt.date) -> Entry | None:
    return session.scalars(
        select(Entry).where(Entry.day == day).options(selectinload(Entry.tags))
    ).one_or_none()


def _tags(session: Session, names: Sequence[str]) -> list[Tag]:
    if not names:
        return []
    found = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))}
    for name in names:
        if name not in found:
            found[name] = Tag(name=name)
            session.add(found[name])
    return [found[name] for name in sorted(names)]


def _drop_unused_tags(session: Session) -> None:
    """A tag no entry uses any more goes, so it is neither suggested nor left behind in the file."""
    session.execute(delete(Tag).where(Tag.id.not_in(select(entry_tags.c.tag_id))))


def _scores_of(entry: Entry) -> Scores:
    return Scores(entry.mood, entry.energy, entry.challenge, entry.hours, entry.load)


def _set_scores(entry: Entry, scores: Scores) -> None:
    entry.mood, entry.energy, entry.challenge = scores.mood, scores.energy, scores.challenge
    entry.hours, entry.load = scores.hours, scores.load
