"""Tables of the Grow and Guidance sections (revision 0004), on the same declarative base as the journal."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rutjournal.core.storage.models import Base, utcnow


class Stamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Target(Stamped, Base):
    """The role the user is working toward; one is active, earlier ones are kept."""

    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    by_date: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    gaps: Mapped[list[Gap]] = relationship(
        back_populates="target", cascade="all, delete-orphan", order_by="Gap.id"
    )


class Gap(Stamped, Base):
    __tablename__ = "gaps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))
    good_looks_like: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[Target] = relationship(back_populates="gaps")
    goals: Mapped[list[Goal]] = relationship(
        back_populates="gap", cascade="all, delete-orphan", order_by="Goal.id"
    )


class Goal(Stamped, Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gap_id: Mapped[int] = mapped_column(ForeignKey("gaps.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[dt.date] = mapped_column(Date)
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="not_started")
    manual_percent: Mapped[int | None] = mapped_column(Integer)
    gap: Mapped[Gap] = relationship(back_populates="goals")
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Milestone.position, Milestone.id"
    )


class Milestone(Stamped, Base):
    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    goal: Mapped[Goal] = relationship(back_populates="milestones")


class GoalProgress(Base):
    """A manual percentage as it was set on a day (milestones carry their own dates)."""

    __tablename__ = "goal_progress"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    percent: Mapped[int] = mapped_column(Integer)


class Evidence(Stamped, Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(24), default="project_shipped")
    result: Mapped[str | None] = mapped_column(Text)
    gap_id: Mapped[int | None] = mapped_column(ForeignKey("gaps.id", ondelete="SET NULL"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), index=True)


class Challenge(Stamped, Base):
    __tablename__ = "challenges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_on: Mapped[dt.date] = mapped_column(Date)
    what: Mapped[str] = mapped_column(Text)
    asked_of: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(String(8), default="pending")
    answered_on: Mapped[dt.date | None] = mapped_column(Date)


class Conversation(Stamped, Base):
    __tablename__ = "conversations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    with_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12))
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[list[ConversationOption]] = relationship(
        cascade="all, delete-orphan", order_by="ConversationOption.id"
    )
    followups: Mapped[list[Followup]] = relationship(cascade="all, delete-orphan", order_by="Followup.id")


class ConversationOption(Base):
    __tablename__ = "conversation_options"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    said: Mapped[str] = mapped_column(Text, default="")


class Followup(Stamped, Base):
    __tablename__ = "followups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(4))
    due: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class Promotion(Stamped, Base):
    __tablename__ = "promotions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(8))
    role_title: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
