"""Tables of the Crossroads section (revision 0005), on the same declarative base as the journal."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rutjournal.core.choices import STAGES
from rutjournal.core.storage.models import Base
from rutjournal.core.storage.models_grow import Stamped


class Checkin(Stamped, Base):
    """One monthly check-in (at most one a day): a score per question and a free-text note."""

    __tablename__ = "checkins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    answers: Mapped[list[CheckinAnswer]] = relationship(
        cascade="all, delete-orphan", order_by="CheckinAnswer.key"
    )


class CheckinAnswer(Base):
    __tablename__ = "checkin_answers"
    __table_args__ = (CheckConstraint("score BETWEEN 1 AND 5", name="ck_checkin_answers_score"),)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)


class Application(Stamped, Base):
    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint(f"stage IN ({', '.join(repr(s) for s in STAGES)})", name="ck_applications_stage"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(10), default="idea")
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    updated_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
