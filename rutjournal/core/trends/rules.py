"""The lines Trends reads by: how much data a reading needs before it says anything, what counts as a change,
the 40-hour line, and the words for a correlation's strength. Readings, series and calendars share them."""

from __future__ import annotations

MIN_DAYS = 10  # a series reading needs this many days with a value
MIN_HALF = 5  # each half of the range needs this many values for "went up / down" to be said
STEADY = 0.1  # a change smaller than this is "about the same"
HOURS_LINE = 40
WORK_DAYS = 5
MIN_MONDAYS = 4
MIN_OTHER_WEEKDAYS = 8
MIN_PAIRS = 10
STRENGTHS = ((0.1, "no"), (0.3, "weak"), (0.5, "moderate"))  # below the bound: that word; else "strong"
SUBJECTS = {
    "mood": "Your mood",
    "energy": "Your energy",
    "challenge": "Your sense of challenge",
    "load": "Your perceived load",
}
PAST = {"delegate": "delegated", "drop": "dropped", "decline": "declined", "automate": "automated"}
