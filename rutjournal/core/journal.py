"""The journal service: one entry a day, saved whole (the editor) or appended to (the command line)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session, selectinload

from rutjournal.core.db import Database
from rutjournal.core.models import Entry, Tag, entry_tags, utcnow
from rutjournal.core.values import SCORE_FIELDS, Scores, check_body, normalize_tags


@dataclass(frozen=True)
class DayEntry:
    """A plain copy of one day's entry, safe to hand to the UI or print."""

    id: int
    day: dt.date
    body: str
    scores: Scores
    tags: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "text": self.body,
            **{name: getattr(self.scores, name) for name in (*SCORE_FIELDS, "hours")},
            "tags": list(self.tags),
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "updated_at": self.updated_at.isoformat(timespec="seconds") + "Z",
        }


def _copy(entry: Entry) -> DayEntry:
    return DayEntry(
        id=entry.id,
        day=entry.day,
        body=entry.body,
        scores=Scores(entry.mood, entry.energy, entry.challenge, entry.hours, entry.load),
        tags=tuple(tag.name for tag in entry.tags),
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


def _is_blank(body: str, scores: Scores, tags: Sequence[str]) -> bool:
    return not body.strip() and scores == Scores() and not tags


class Journal:
    """Reads and writes entries. Every write is one transaction; invalid input raises before any write."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, day: dt.date) -> DayEntry | None:
        with self.db.session() as session:
            entry = self._load(session, day)
            return _copy(entry) if entry else None

    def save(self, day: dt.date, body: str, scores: Scores, tags: Sequence[str]) -> DayEntry | None:
        """Make the day's entry exactly this; an entry with nothing in it is removed (returns None)."""
        check_body(body)
        scores.validated()
        names = normalize_tags(list(tags))
        with self.db.write_session() as session, session.begin():
            entry = self._load(session, day)
            if _is_blank(body, scores, names):
                if entry is not None:
                    session.delete(entry)
                    session.flush()
                    _drop_unused_tags(session)
                return None
            if entry is None:
                entry = Entry(day=day)
                session.add(entry)
            elif (entry.body, _scores_of(entry), [t.name for t in entry.tags]) == (
                body,
                scores,
                sorted(names),
            ):
                return _copy(entry)  # nothing changed: keep updated_at honest
            entry.body = body
            _set_scores(entry, scores)
            entry.tags = self._tags(session, names)
            entry.updated_at = utcnow()
            session.flush()
            _drop_unused_tags(session)
            return _copy(entry)

    def append(self, day: dt.date, text: str, scores: Scores, tags: Sequence[str]) -> DayEntry:
        """Add text to the end of the day's entry (creating it); given scores replace, tags are added."""
        scores.validated()
        names = normalize_tags(list(tags))
        with self.db.write_session() as session, session.begin():
            entry = self._load(session, day)
            if entry is None:
                entry = Entry(day=day, body="")
                session.add(entry)
            if text:
                old = entry.body.rstrip("\n")
                entry.body = check_body(f"{old}\n\n{text}" if old else text)
            merged = replace(_scores_of(entry), **{k: v for k, v in vars(scores).items() if v is not None})
            _set_scores(entry, merged)
            existing = [t.name for t in entry.tags]
            entry.tags = self._tags(session, existing + [n for n in names if n not in existing])
            entry.updated_at = utcnow()
            session.flush()
            return _copy(entry)

    def marks(self, first: dt.date, last: dt.date) -> dict[dt.date, int | None]:
        """The days in [first, last] that have an entry, with their mood (for a calendar)."""
        with self.db.session() as session:
            rows = session.execute(select(Entry.day, Entry.mood).where(Entry.day.between(first, last))).all()
        return {day: mood for day, mood in rows}

    def tag_names(self) -> list[str]:
        with self.db.session() as session:
            return list(session.scalars(select(Tag.name).order_by(Tag.name)))

    def streak(self, today: dt.date) -> int:
        """Days in a row with an entry, ending today — or yesterday, while today is still unwritten."""
        with self.db.session() as session:
            end = today if self._load(session, today) else today - dt.timedelta(days=1)
            # The newest day on or before ``end`` whose previous day has no entry starts the run; SQLite walks
            # the day index backwards and stops there.
            start = session.execute(
                text(
                    "SELECT day FROM entries AS e WHERE day <= :end AND NOT EXISTS "
                    "(SELECT 1 FROM entries AS p WHERE p.day = date(e.day, '-1 day')) "
                    "ORDER BY day DESC LIMIT 1"
                ),
                {"end": end.isoformat()},
            ).scalar()
            has_end = session.scalar(select(Entry.id).where(Entry.day == end)) is not None
        if start is None or not has_end:
            return 0
        return (end - dt.date.fromisoformat(start)).days + 1

    @staticmethod
    def _load(session: Session, day: dt.date) -> Entry | None:
        return session.scalars(
            select(Entry).where(Entry.day == day).options(selectinload(Entry.tags))
        ).one_or_none()

    @staticmethod
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
