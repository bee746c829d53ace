"""A read of the journal that its service does not offer yet. TO MOVE INTO THE JOURNAL'S SERVICE
(``core/journal``: a ``Journal.scores_between(first, last)`` over a ``reading`` function): the scores of every
day in a span, in one indexed range read.

Trends' ``daily_series`` gives the same numbers one score at a time, but each call opens its own connection
(about 2 ms with the app's pragmas): five of them for every reading, two readings for every verdict. It lives
here, not in ``core/journal``, only because another change is rewriting the journal's internals meanwhile.
"""

from __future__ import annotations

import datetime as dt

from rutjournal.core.storage.dates import day_of
from rutjournal.core.storage.db import Database
from rutjournal.core.values import Scores


def scores_between(db: Database, first: dt.date, last: dt.date) -> dict[dt.date, Scores]:
    """The scores of each day from ``first`` to ``last`` (both included) that has an entry; a blank stays None."""
    with db.reader() as conn:
        rows = conn.execute(
            "SELECT day, mood, energy, challenge, hours, load FROM entries WHERE day BETWEEN ? AND ?",
            (first, last),
        ).fetchall()
    return {
        day_of(day): Scores(mood, energy, challenge, None if hours is None else float(hours), load)
        for day, mood, energy, challenge, hours, load in rows
    }
