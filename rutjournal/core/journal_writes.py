"""Writing entries through the ORM, one transaction each (imported only when something is written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from rutjournal.core.db import Database
from rutjournal.core.models import Entry, Tag, entry_tags, utcnow
from rutjournal.core.values import Scores, check_body


def save_day(db: Database, day: dt.date, body: str, scores: Scores, names: Sequence[str]) -> bool:
    """Make the day's entry exactly this; an entry with nothing in it is removed. True if one remains."""
    with db.write_session() as session, session.begin():
        entry = _load(session, day)
        if not body.strip() and scores == Scores() and not names:
            if entry is not None:
                session.delete(entry)
                session.flush()
                _drop_unused_tags(session)
            return False
        if entry is None:
            entry = Entry(day=day)
            session.add(entry)
        elif (entry.body, _scores_of(entry), [t.name for t in entry.tags]) == (body, scores, sorted(names)):
            return True  # nothing changed: keep updated_at honest
        entry.body = body
        _set_scores(entry, scores)
        entry.tags = _tags(session, names)
        entry.updated_at = utcnow()
        session.flush()
        _drop_unused_tags(session)
        return True


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
