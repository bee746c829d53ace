"""How a backup is described to a person: when it was taken, and how many entries it holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rutjournal.core.i18n import _, ngettext
from rutjournal.core.text import long_day, whole

if TYPE_CHECKING:
    from rutjournal.core.storage.backups import BackupInfo


def when_taken(info: BackupInfo) -> str:
    """ "Tuesday 1 December 2026, 14:30" — the way a person remembers a day."""
    # TRANSLATORS: when a backup was taken: {day} is a date ("Tuesday 1 December 2026"), {time} "14:30".
    return _("{day}, {time}").format(day=long_day(info.taken_at.date()), time=f"{info.taken_at:%H:%M}")


def entries_text(count: int) -> str:
    # TRANSLATORS: how many journal entries a backup holds, on its own (a column, or in brackets).
    return ngettext("{count} entry", "{count} entries", count).format(count=whole(count))
