"""Reading Grow's tables into the frozen views of ``grow_rules``: plain SQL on a bare sqlite3 connection (no
ORM), so showing or reporting Grow imports no SQLAlchemy. Each reader takes a WHERE clause for its own table."""

from __future__ import annotations

import datetime as dt
import sqlite3

from rutjournal.core.grow.rules import (
    GapView,
    GoalView,
    MilestoneView,
    TargetView,
    gap_progress,
    goal_view,
    target_progress,
)


def as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def as_day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def read_targets(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[TargetView]:
    sql = f"SELECT id, title, by_date, active FROM targets {where} ORDER BY id DESC"
    rows = conn.execute(sql, params).fetchall()
    gaps = read_gaps(conn, today, f"WHERE target_id IN (SELECT id FROM targets {where})", params)
    views = []
    for target_id, title, by_date, active in rows:
        mine = tuple(g for g in gaps if g.target_id == target_id)
        views.append(
            TargetView(target_id, title, as_date(by_date), bool(active), mine, target_progress(mine))
        )
    return views


def read_gaps(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[GapView]:
    sql = f"SELECT id, target_id, title, kind, good_looks_like FROM gaps {where} ORDER BY id"
    rows = conn.execute(sql, params).fetchall()
    goals = read_goals(conn, today, f"WHERE gap_id IN (SELECT id FROM gaps {where})", params)
    views = []
    for gap_id, target_id, title, kind, good in rows:
        mine = tuple(g for g in goals if g.gap_id == gap_id)
        views.append(GapView(gap_id, target_id, title, kind, good, mine, gap_progress(mine)))
    return views


def read_goals(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[GoalView]:
    sql = f"SELECT id, gap_id, title, started_on, due, status, manual_percent FROM goals {where} ORDER BY id"
    rows = conn.execute(sql, params).fetchall()
    milestones: dict[int, list[MilestoneView]] = {}
    for m_id, goal_id, title, done_on in conn.execute(
        f"SELECT id, goal_id, title, done_on FROM milestones WHERE goal_id IN (SELECT id FROM goals {where}) "
        "ORDER BY position, id",
        params,
    ):
        milestones.setdefault(goal_id, []).append(MilestoneView(m_id, goal_id, title, as_date(done_on)))
    return [
        goal_view(
            r[0], r[1], r[2], as_day(r[3]), as_date(r[4]), r[5], r[6], tuple(milestones.get(r[0], ())), today
        )
        for r in rows
    ]
