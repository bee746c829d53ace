"""Grow's tables in SQL, on the bare sqlite3 connection the service opens (``db.reader()`` / ``db.writer()``):
the only code that knows how targets, gaps, goals, milestones, goal progress, evidence and challenges are kept.

Reads return the frozen views of ``rules`` (and ``activity``'s histories); writes take values the service has
checked. The row helpers at the top are shared with Guidance's store: they stamp ``created_at`` / ``updated_at``
as the ORM did, and refuse an id that names no row with the same InvalidInput the service always raised.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.activity import GoalHistory
from rutjournal.core.grow.rules import (
    ChallengeView,
    EvidenceView,
    GapView,
    GoalView,
    MilestoneView,
    TargetView,
    gap_progress,
    goal_view,
    target_progress,
)
from rutjournal.core.i18n import N_, _
from rutjournal.core.storage.dates import day_of, now_utc
from rutjournal.core.storage.rows import insert_as_given

# Tables whose rows carry created_at / updated_at (Grow's and Guidance's; goal_progress and
# conversation_options have none).
STAMPED = frozenset(
    {
        "targets",
        "gaps",
        "goals",
        "milestones",
        "evidence",
        "challenges",
        "conversations",
        "followups",
        "promotions",
    }
)

# Every table Grow's and Guidance's stores write (their row helpers are shared).
TABLES = STAMPED | {"goal_progress", "conversation_options"}


def restore_row(conn: sqlite3.Connection, table: str, values: Mapping[str, object]) -> int:
    """One row of a JSON export put back as it was (the JSON restore's way in); its rowid."""
    return insert_as_given(conn, table, values, TABLES)


# -- rows ------------------------------------------------------------------------------------------------------
def insert_row(conn: sqlite3.Connection, table: str, values: Mapping[str, object]) -> int:
    """Insert one row of checked values (stamped with now when the table keeps stamps); its id."""
    row = dict(values)
    if table in STAMPED:
        now = now_utc()
        row |= {"created_at": now, "updated_at": now}
    return insert_as_given(conn, table, row, TABLES)


def update_row(
    conn: sqlite3.Connection, table: str, row_id: int, values: Mapping[str, object], field: str
) -> None:
    """Set checked values on an existing row. ``updated_at`` moves only when a value really changes, as it did
    under the ORM (which wrote nothing for a value set to what it already was)."""
    require_row(conn, table, row_id, field)
    if not values:
        return
    params = tuple(values.values())
    sets = ", ".join(f"{name} = ?" for name in values)
    stamp: tuple[object, ...] = (now_utc(),) if table in STAMPED else ()
    changed = " OR ".join(f"{name} IS NOT ?" for name in values)
    conn.execute(
        f"UPDATE {table} SET {sets}{', updated_at = ?' if stamp else ''} WHERE id = ? AND ({changed})",
        (*params, *stamp, row_id, *params),
    )


def delete_row(conn: sqlite3.Connection, table: str, row_id: int, field: str) -> None:
    """Delete one row; the schema's foreign keys delete what hangs off it, or unlink it (SET NULL)."""
    if conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,)).rowcount == 0:
        raise missing(field, row_id)


def require_row(conn: sqlite3.Connection, table: str, row_id: int, field: str) -> None:
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None:
        raise missing(field, row_id)


MISSING = {  # what a field must name, by field; translated where raised
    "target": N_("the id of an existing target"),
    "gap": N_("the id of an existing gap"),
    "goal": N_("the id of an existing goal"),
    "milestone": N_("the id of an existing milestone"),
    "evidence": N_("the id of an existing evidence"),
    "challenge": N_("the id of an existing challenge"),
}


def missing(field: str, row_id: int) -> InvalidInput:
    """The refusal of an id that names no row of ``field`` (target, gap, goal, …)."""
    allowed = _(MISSING[field]) if field in MISSING else f"the id of an existing {field}"
    return InvalidInput(field, allowed, row_id)


# -- targets, gaps, goals --------------------------------------------------------------------------------------
def add_target(conn: sqlite3.Connection, title: str, by: dt.date | None) -> int:
    """A new active target; the one active until now is kept, no longer active."""
    conn.execute("UPDATE targets SET active = 0, updated_at = ? WHERE active", (now_utc(),))
    return insert_row(conn, "targets", {"title": title, "by_date": by, "active": True})


def active_target_id(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT id FROM targets WHERE active ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else int(row[0])


def read_targets(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[TargetView]:
    """The targets a WHERE clause on ``targets`` picks, the newest first, each with its gaps and goals."""
    rows = conn.execute(f"SELECT id, title, by_date, active FROM targets {where} ORDER BY id DESC", params)
    gaps = read_gaps(conn, today, f"WHERE target_id IN (SELECT id FROM targets {where})", params)
    views = []
    for target_id, title, by_date, active in rows.fetchall():
        mine = tuple(g for g in gaps if g.target_id == target_id)
        views.append(TargetView(target_id, title, day_of(by_date), bool(active), mine, target_progress(mine)))
    return views


def read_gaps(
    conn: sqlite3.Connection, today: dt.date, where: str, params: tuple[object, ...]
) -> list[GapView]:
    """The gaps a WHERE clause on ``gaps`` picks, in the order they were named, each with its goals."""
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
    """The goals a WHERE clause on ``goals`` picks, by id, each with its checklist, progress and pace."""
    sql = f"SELECT id, gap_id, title, started_on, due, status, manual_percent FROM goals {where} ORDER BY id"
    rows = conn.execute(sql, params).fetchall()
    milestones: dict[int, list[MilestoneView]] = {}
    for m_id, goal_id, title, done_on in conn.execute(
        f"SELECT id, goal_id, title, done_on FROM milestones WHERE goal_id IN (SELECT id FROM goals {where}) "
        "ORDER BY position, id",
        params,
    ):
        milestones.setdefault(goal_id, []).append(MilestoneView(m_id, goal_id, title, day_of(done_on)))
    return [
        goal_view(
            r[0], r[1], r[2], day_of(r[3]), day_of(r[4]), r[5], r[6], tuple(milestones.get(r[0], ())), today
        )
        for r in rows
    ]


def goal_dates(conn: sqlite3.Connection, goal_id: int) -> tuple[dt.date, dt.date | None, int | None]:
    """An existing goal's start, due date and manual percentage, as stored."""
    row = conn.execute(
        "SELECT started_on, due, manual_percent FROM goals WHERE id = ?", (goal_id,)
    ).fetchone()
    if row is None:
        raise missing("goal", goal_id)
    return day_of(row[0]), day_of(row[1]), row[2]


def gap_of_goal(conn: sqlite3.Connection, goal_id: int) -> int:
    row = conn.execute("SELECT gap_id FROM goals WHERE id = ?", (goal_id,)).fetchone()
    if row is None:
        raise missing("goal", goal_id)
    return int(row[0])


def add_goal_progress(conn: sqlite3.Connection, goal_id: int, day: dt.date, percent: int) -> None:
    """Keep a manual percentage with the day it was set (Trends plots them)."""
    insert_row(conn, "goal_progress", {"goal_id": goal_id, "day": day, "percent": percent})


def add_milestone(conn: sqlite3.Connection, goal_id: int, title: str) -> int:
    """Append a milestone at the end of an existing goal's checklist."""
    require_row(conn, "goals", goal_id, "goal")
    (last,) = conn.execute("SELECT max(position) FROM milestones WHERE goal_id = ?", (goal_id,)).fetchone()
    return insert_row(conn, "milestones", {"goal_id": goal_id, "title": title, "position": (last or 0) + 1})


def read_milestone(conn: sqlite3.Connection, milestone_id: int) -> MilestoneView:
    row = conn.execute(
        "SELECT id, goal_id, title, done_on FROM milestones WHERE id = ?", (milestone_id,)
    ).fetchone()
    if row is None:
        raise missing("milestone", milestone_id)
    return MilestoneView(row[0], row[1], row[2], day_of(row[3]))


def read_goal_histories(conn: sqlite3.Connection, target_id: int) -> list[GoalHistory]:
    """Every goal of a target, by id, with the days its milestones were ticked off and its percentages set."""
    goals = conn.execute(
        "SELECT g.id, g.gap_id, g.title, g.status, g.started_on, g.due FROM goals g "
        "JOIN gaps ON gaps.id = g.gap_id WHERE gaps.target_id = ? ORDER BY g.id",
        (target_id,),
    ).fetchall()
    mine = "(SELECT g.id FROM goals g JOIN gaps ON gaps.id = g.gap_id WHERE gaps.target_id = ?)"
    done: dict[int, list[dt.date | None]] = {}
    for goal_id, done_on in conn.execute(
        f"SELECT goal_id, done_on FROM milestones WHERE goal_id IN {mine} ORDER BY position, id", (target_id,)
    ):
        done.setdefault(goal_id, []).append(day_of(done_on))
    percents: dict[int, list[tuple[dt.date, int]]] = {}
    for goal_id, day, percent in conn.execute(
        f"SELECT goal_id, day, percent FROM goal_progress WHERE goal_id IN {mine} ORDER BY day, id",
        (target_id,),
    ):
        percents.setdefault(goal_id, []).append((day_of(day), percent))
    return [
        GoalHistory(
            *(g_id, gap_id, title, status, day_of(started), day_of(due)),
            milestones_done=tuple(done.get(g_id, ())),
            percents=tuple(percents.get(g_id, ())),
        )
        for g_id, gap_id, title, status, started, due in goals
    ]


# -- evidence and challenges -----------------------------------------------------------------------------------
def read_evidence(conn: sqlite3.Connection, gap_id: int | None) -> list[EvidenceView]:
    """Evidence (of one gap, or all), the newest first."""
    where, params = ("", ()) if gap_id is None else ("WHERE gap_id = ?", (gap_id,))
    rows = conn.execute(
        f"SELECT id, day, text, kind, result, gap_id, goal_id FROM evidence {where} ORDER BY day DESC, id DESC",
        params,
    ).fetchall()
    return [EvidenceView(r[0], day_of(r[1]), r[2], r[3], r[4], r[5], r[6]) for r in rows]


def read_challenges(
    conn: sqlite3.Connection, where: str = "", params: tuple[object, ...] = ()
) -> list[ChallengeView]:
    """Challenges asked for, the newest first."""
    rows = conn.execute(
        f"SELECT id, asked_on, what, asked_of, answer, answered_on FROM challenges {where} "
        "ORDER BY asked_on DESC, id DESC",
        params,
    ).fetchall()
    return [ChallengeView(r[0], day_of(r[1]), r[2], r[3], r[4], day_of(r[5])) for r in rows]


def tallies(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """Evidence logged, challenges asked for and challenges granted (answered yes), over all time."""
    (evidence,) = conn.execute("SELECT count(*) FROM evidence").fetchone()
    asked, granted = conn.execute(
        "SELECT count(*), coalesce(sum(answer = 'yes'), 0) FROM challenges"
    ).fetchone()
    return int(evidence), int(asked), int(granted)


def first_day(conn: sqlite3.Connection) -> dt.date | None:
    """The earliest day Grow knows: a goal started, a percentage set or a milestone ticked off."""
    row = conn.execute(
        "SELECT (SELECT min(started_on) FROM goals), (SELECT min(day) FROM goal_progress), "
        "(SELECT min(done_on) FROM milestones)"
    ).fetchone()
    return min((day_of(value) for value in row if value), default=None)
