"""A read of Grow's data that Grow's service does not offer yet. TO MOVE INTO GROW'S SERVICE (``core/grow``):
it is the goal "last progress" query, which Guidance's agenda (``guidance.service._gaps``) copies too; once Grow
offers it, both sections ask Grow and this file goes.

It lives here, not in ``core/grow``, only because another change is rewriting Grow's internals meanwhile.
"""

from __future__ import annotations

import datetime as dt

from rutjournal.core.storage.dates import day_of
from rutjournal.core.storage.db import Database


def last_progress_days(db: Database, until: dt.date) -> dict[int, dt.date]:
    """The day each goal last made progress up to ``until``: its latest milestone done or manual percentage
    recorded by then, whichever is later. A goal with neither is left out."""
    with db.reader() as conn:
        rows = conn.execute(
            "SELECT goal_id, max(day) FROM ("
            " SELECT goal_id, done_on AS day FROM milestones WHERE done_on <= ?"
            " UNION ALL SELECT goal_id, day FROM goal_progress WHERE day <= ?"
            ") GROUP BY goal_id",
            (until, until),
        ).fetchall()
    return {goal_id: day_of(day) for goal_id, day in rows}
