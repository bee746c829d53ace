"""How a backup is described to a person: when it was taken, and how many entries it holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rutjournal.core.text import long_day

if TYPE_CHECKING:
    from rutjournal.core.storage.backups import BackupInfo


def when_taken(info: BackupInfo) -> str:
    """ "Tuesday 1 December 2026, 14:30" — the way a person remembers a day."""
    return f"{long_day(info.taken_at.date())}, {info.taken_at:%H:%M}"


def entries_text(count: int) -> str:
    return f"{count:,} entr{'y' if count == 1 else 'ies'}"
