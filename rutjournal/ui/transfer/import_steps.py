"""The steps of File → Import… without Qt: look at a source, preview it, write it — as ``rutjournal import`` does.

Each step runs on a worker thread (a big export takes seconds to parse) and returns plain data; the dialog only
shows it. The order is the command line's: detect the format (unless the user forced one), read the file with the
user's mapping, preview against the journal as it is now; a rutjournal export is restored, not merged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rutjournal.core import text
from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.storage.db import Database
from rutjournal.core.text import long_day
from rutjournal.core.transfer.exporters.json_restore import JournalNotEmpty, RestoreResult, restore_json
from rutjournal.core.transfer.exporters.tables import count_words
from rutjournal.core.transfer.importers.apply import apply_import, preview_import
from rutjournal.core.transfer.importers.detect import FORMATS, RESTORE, detect_format, parse_file
from rutjournal.core.transfer.importers.plan import ImportPlan
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions, ParsedFile

# What each format is called on screen: the words people use for the file they hold.
# TRANSLATORS: the kinds of file an import reads; the apps' names (jrnl, Day One, Daylio…) stay as they are.
FORMAT_WORDS: dict[str, str] = {
    "jrnl": N_("jrnl JSON export"),
    "dayone": N_("Day One export"),
    "daylio": N_("Daylio CSV"),
    "rednotebook": N_("RedNotebook data folder"),
    "taskwarrior": N_("Taskwarrior export"),
    "csv": N_("CSV with a header row"),
    RESTORE: N_("rutjournal export (full restore)"),
}


def format_words(name: str) -> str:
    """The format ``name`` in the user's words (a name no table knows is shown as it is)."""
    if name in FORMAT_WORDS:
        return _(FORMAT_WORDS[name])
    return _(FORMATS[name].label) if name in FORMATS else name


@dataclass
class Reading:
    """One look at a source: its format, what the mapping steps need, and the preview (or why there is none)."""

    path: Path
    format: str
    detected: str  # what the content says it is, even when the user forced another format
    mood_labels: list[str] = field(default_factory=list)  # Daylio: the labels found, first seen first
    unmapped: list[str] = field(default_factory=list)  # Daylio labels with no score yet: no preview until set
    headers: list[str] = field(default_factory=list)  # plain CSV: the header row
    guessed_columns: dict[str, str] = field(
        default_factory=dict
    )  # plain CSV: header -> field, from the names
    parsed: ParsedFile | None = None
    plan: ImportPlan | None = None
    restore: RestoreResult | None = None  # a rutjournal export: what restoring it would write
    error: RutjournalError | OSError | None = None  # why this format and mapping cannot be imported

    @property
    def can_import(self) -> bool:
        if self.error is not None:
            return False
        if self.restore is not None:
            return any(self.restore.counts.values())
        return self.plan is not None and self.plan.changes_anything and not self.unmapped


def read_source(
    db: Database, path: Path, format: str | None = None, options: ImportOptions | None = None
) -> Reading:
    """Read ``path`` as ``format`` (detected when None) with the user's mapping, and preview it; writes nothing.

    A Daylio file whose labels are not all scored is not parsed: its records would only be rejected, with advice
    meant for the command line, while the dialog asks for the scores instead.
    """
    try:
        detected = detect_format(path)
    except ImportFileError:
        if format is None:
            raise
        detected = ""  # the user chose a format for a file detection does not know: let its parser judge
    name = format or detected
    reading = Reading(path, name, detected)
    try:
        _read_into(reading, db, options or ImportOptions())
    except (RutjournalError, OSError) as exc:  # the format is known: the dialog shows it beside the reason
        reading.error = exc
    return reading


def _read_into(reading: Reading, db: Database, options: ImportOptions) -> None:
    path, name = reading.path, reading.format
    if name == RESTORE:
        reading.restore = restore_json(db, path, dry_run=True)  # JournalNotEmpty says why not
        return
    if name == "daylio":
        from rutjournal.core.transfer.importers.daylio import DEFAULT_MOOD_MAP, mood_labels

        reading.mood_labels = mood_labels(path)
        chosen = options.mood_map or {}
        reading.unmapped = [
            label for label in reading.mood_labels if label not in chosen and label not in DEFAULT_MOOD_MAP
        ]
        if reading.unmapped:
            return
    if name == "csv":
        from rutjournal.core.transfer.importers.csv_plain import guess_columns, read_headers

        reading.headers = read_headers(path)
        reading.guessed_columns = guess_columns(reading.headers)
    reading.parsed = parse_file(path, name, options)
    reading.plan = preview_import(db, reading.parsed)


def write_import(
    db: Database,
    parsed: ParsedFile,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> ImportPlan:
    """Write the records in one transaction (ImportCancelled, and nothing written, when ``cancelled()``)."""
    return apply_import(db, parsed, progress=progress, cancelled=cancelled)


def write_restore(db: Database, path: Path) -> RestoreResult:
    """Restore a rutjournal export into the (empty) journal, all or nothing."""
    return restore_json(db, path)


def problem_text(exc: BaseException) -> str:
    """What went wrong, for the dialog: the file and the place in it, the reason, and what was written (nothing)."""
    if isinstance(exc, ImportFileError):
        if exc.place and exc.reason_says_nothing:
            # TRANSLATORS: {name} is a file's name, {place} where in it ("line 5"), {reason} what is wrong there.
            shown = _("Cannot import {name}, at {place}: {reason}.")
        elif exc.place:
            # TRANSLATORS: {name} is a file's name, {place} where in it ("line 5"), {reason} what is wrong there.
            shown = _("Cannot import {name}, at {place}: {reason}. Nothing was imported.")
        elif exc.reason_says_nothing:
            # TRANSLATORS: {name} is a file's name, {reason} what is wrong with it.
            shown = _("Cannot import {name}: {reason}.")
        else:
            # TRANSLATORS: {name} is a file's name, {reason} what is wrong with it.
            shown = _("Cannot import {name}: {reason}. Nothing was imported.")
        return shown.format(name=exc.path.name, place=exc.place, reason=exc.reason)
    if isinstance(exc, JournalNotEmpty):
        held = ", ".join(count_words(table, n) for table, n in exc.held.items())
        # TRANSLATORS: {held} counts what the journal holds ("3 entries, 1 task"); the command in brackets is
        # typed as it is.
        return _(
            "This journal already holds data ({held}). A full rutjournal export is restored only into an "
            "empty journal, so nothing you have is replaced, and nothing was imported. To restore it, start "
            "rutjournal on a new, empty data folder (rutjournal --data-dir NEW_FOLDER) and import the file there."
        ).format(held=held)
    if isinstance(exc, OSError):
        error = exc.strerror or exc
        if exc.filename:
            # TRANSLATORS: {name} is a file's name, {error} the system's reason ("Permission denied").
            return _("Cannot read {name}: {error}. Nothing was imported.").format(
                name=exc.filename, error=error
            )
        # TRANSLATORS: {error} is the system's reason ("Permission denied").
        return _("Cannot read the file: {error}. Nothing was imported.").format(error=error)
    return f"{exc}"


def next_step(reading: Reading) -> str:
    """One line under the preview: what the user can do now."""
    if reading.error is not None:
        if reading.mood_labels or reading.headers:
            return _("Change the choices above, or choose another file.")
        if isinstance(reading.error, JournalNotEmpty):
            return _("Your journal is as it was.")
        return _("Choose another file, or the format this one is in.")
    if reading.unmapped:
        return _("Every mood needs a score before you can import.")
    if reading.can_import:
        return _("Nothing has been written yet. Press Import to add this to your journal.")
    if reading.plan is not None and reading.plan.unchanged:
        return _("Nothing to import: all of it is already in your journal.")
    return _("Nothing to import: no record in this file can be used.")


def preview_lines(reading: Reading) -> list[str]:
    """The counts of the preview in sentences; rejected and skipped records are listed apart, in full."""
    if reading.unmapped:
        # TRANSLATORS: one mood label of a Daylio file, in quotation marks, in a list of them.
        quoted = _("“{label}”")
        words = ", ".join(quoted.format(label=label) for label in reading.unmapped)
        # TRANSLATORS: {labels} lists the Daylio moods still without a score ("“rad”, “meh”").
        return [_("Choose a score for {labels} above; then the preview shows here.").format(labels=words)]
    if reading.restore is not None:
        # TRANSLATORS: {what} counts what would come in ("12 entries, 3 tags").
        restore = _("Would restore: {what}").format(what=", ".join(reading.restore.lines()))
        return [restore, *(_(line) for line in RESTORE_NOTE)]
    if reading.plan is None:
        return []
    return summary_lines(reading.plan, done=False) + detail_lines(reading.plan)


def detail_lines(plan: ImportPlan, shown: int = 12) -> list[str]:
    """Which days, tags and tasks: enough to recognise the file as the one meant, before it is written."""
    out: list[str] = []
    if plan.days:
        first, last = plan.days[0].day, plan.days[-1].day
        if first == last:
            # TRANSLATORS: the one day a file holds ("Thursday 3 December 2026").
            out.append(_("Days: {day}.").format(day=_day_words(first)))
        else:
            # TRANSLATORS: the first and the last day a file holds ("Thursday 3 December 2026").
            span = _("Days: from {first} to {last}.")
            out.append(span.format(first=_day_words(first), last=_day_words(last)))
    tags = list(plan.new_tags)
    if tags:
        rest = len(tags) - shown
        # TRANSLATORS: {names} lists tag names; {count} how many more are not listed.
        more = ngettext("New tags: {names} and {count} more.", "New tags: {names} and {count} more.", rest)
        # TRANSLATORS: {names} lists tag names.
        out.append(_names_line(tags, shown, _("New tags: {names}."), more))
    tasks = [str(task["title"]) for task in plan.tasks]
    if tasks:
        rest = len(tasks) - shown
        # TRANSLATORS: {names} lists task titles; {count} how many more are not listed. Load is a section.
        more = ngettext(
            "New tasks in Load: {names} and {count} more.",
            "New tasks in Load: {names} and {count} more.",
            rest,
        )
        # TRANSLATORS: {names} lists task titles. Load is a section of the app.
        out.append(_names_line(tasks, shown, _("New tasks in Load: {names}."), more))
    return ["", *out] if out else out


def _names_line(names: list[str], shown: int, every: str, more: str) -> str:
    """``every`` filled with the names when all are shown, else ``more`` with the first ``shown`` and the rest."""
    listed = ", ".join(names[:shown])
    if len(names) > shown:
        return more.format(names=listed, count=text.whole(len(names) - shown))
    return every.format(names=listed)


def _day_words(day: dt.date) -> str:
    return long_day(day)


def restored_words(result: RestoreResult) -> str:
    """What a restore wrote, in one line: "Restored: 12 entries, 3 tags"."""
    # TRANSLATORS: {what} counts what a restore wrote ("12 entries, 3 tags").
    return _("Restored: {what}").format(what=", ".join(result.lines()))


def summary_lines(plan: ImportPlan, *, done: bool) -> list[str]:
    """The plan's own sentences without the file line (the dialog shows the file) and the record lists."""
    first, *rest = plan.summary_lines(done=done)
    # TRANSLATORS: {summary} counts what the file holds ("12 journal records on 10 days, 3 tags, 0 tasks").
    return [_("In the file: {summary}").format(summary=first), *rest]


RESTORE_NOTE = [
    N_("Every table of the export goes in as it is: this journal is empty, so nothing is merged.")
]
