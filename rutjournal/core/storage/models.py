"""The journal's tables as typed SQLAlchemy models. The schema itself is made by Alembic migrations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


def _score_check(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IS NULL OR {column} BETWEEN 1 AND 5", name=f"ck_entries_{column}")


class Entry(Base):
    """One calendar day of the journal. A blank score is NULL, never 0."""

    __tablename__ = "entries"
    __table_args__ = (
        _score_check("mood"),
        _score_check("energy"),
        _score_check("challenge"),
        _score_check("load"),
        CheckConstraint("hours IS NULL OR (hours >= 0 AND hours <= 24)", name="ck_entries_hours"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True, index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    mood: Mapped[int | None] = mapped_column(Integer)
    energy: Mapped[int | None] = mapped_column(Integer)
    challenge: Mapped[int | None] = mapped_column(Integer)
    hours: Mapped[float | None] = mapped_column(Float)
    load: Mapped[int | None] = mapped_column(Integer)
    # Raised by triggers (migration 0006) on every change, whoever writes: never set it from Python.
    revision: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    tags: Mapped[list[Tag]] = relationship(
        secondary=entry_tags, back_populates="entries", order_by="Tag.name"
    )


class Tag(Base):
    """A label on entries; stored normalised (lower case, no leading '#')."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)

    entries: Mapped[list[Entry]] = relationship(secondary=entry_tags, back_populates="tags")


class Task(Base):
    """A responsibility, recurring meeting or project in the Load inventory. Time is whole minutes a week."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="task")
    minutes_per_week: Mapped[int] = mapped_column(Integer, default=0)
    in_jd: Mapped[str] = mapped_column(String(6), default="yes")
    enjoyment: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[int | None] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(12), default="undecided")
    delegate_to: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    events: Mapped[list[TaskEvent]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskEvent.at"
    )


class TaskEvent(Base):
    """One step in a task's history: a decision taken, or carried out (``done``), with the hours at the time."""

    __tablename__ = "task_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decision: Mapped[str] = mapped_column(String(12))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes_per_week: Mapped[int] = mapped_column(Integer)

    task: Mapped[Task] = relationship(back_populates="events")
