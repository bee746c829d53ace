"""The lines Trends reads by: how much data a reading needs before it says anything, what counts as a change,
the 40-hour line, and the words for a correlation's strength. Readings, series and calendars share them."""

from __future__ import annotations

from rutjournal.core.i18n import N_

MIN_DAYS = 10  # a series reading needs this many days with a value
MIN_HALF = 5  # each half of the range needs this many values for "went up / down" to be said
STEADY = 0.1  # a change smaller than this is "about the same"
HOURS_LINE = 40
WORK_DAYS = 5
MIN_MONDAYS = 4
MIN_OTHER_WEEKDAYS = 8
MIN_PAIRS = 10
STRENGTHS = ((0.1, "no"), (0.3, "weak"), (0.5, "moderate"))  # below the bound: that code; else "strong"
SUBJECTS = {  # translated where shown: _(SUBJECTS[field])
    "mood": N_("Your mood"),
    "energy": N_("Your energy"),
    "challenge": N_("Your sense of challenge"),
    "load": N_("Your perceived load"),
}
PAST = {  # what a decision did to a task's hours, translated where shown: _(PAST[decision])
    # TRANSLATORS: hours of tasks handed to someone else (a legend and "delegated 2 h")
    "delegate": N_("delegated"),
    # TRANSLATORS: hours of tasks stopped (a legend and "dropped 2 h")
    "drop": N_("dropped"),
    # TRANSLATORS: hours of tasks said no to (a legend and "declined 2 h")
    "decline": N_("declined"),
    # TRANSLATORS: hours of tasks automated (a legend and "automated 2 h")
    "automate": N_("automated"),
}
