"""Half-written files: named so that they never collide and always say whose they are, and removed once their
writer is gone.

Every file rutjournal writes beside the journal or into the backups folder before renaming it into place is
named ``.<kind>-<pid>-<random>-<final name>``: two processes (or two backups in one second) never share one,
and a leftover names the process that made it. A process killed half-way leaves one behind (with SQLite's
``-journal``, ``-wal`` or ``-shm`` beside it, perhaps): an unencrypted copy of an encrypted journal, even. The
next rutjournal to open the journal removes every such file whose process is no longer running.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from rutjournal.core.logsetup import logger

log = logger(__name__)

KINDS = ("new", "partial", "restoring", "converting", "moving")
# Patterns, not compiled ones: every command looks through the folder, and they are compiled (once, by re)
# only when a hidden file is there to be matched.
_LEFTOVER = r"^\.(?:" + "|".join(KINDS) + r")-(\d+)-[0-9a-f]{8}-"
# The names earlier versions gave, without a process id: removed once nothing has touched them for a while.
_OLD_LEFTOVER = r"^\.(?:partial-journal-.*|journal\.sqlite3\.(?:new|restoring|converting))(?:-journal)?$"
OLD_LEFTOVER_AGE_S = 3600


def temp_name(kind: str, final: str) -> str:
    """The temporary name of this process's own for a file that will be renamed to ``final``."""
    import secrets

    assert kind in KINDS
    return f".{kind}-{os.getpid()}-{secrets.token_hex(4)}-{final}"


def temp_path(kind: str, final: Path) -> Path:
    return final.with_name(temp_name(kind, final.name))


def remove_with_sides(path: Path) -> None:
    """A half-written database file and whatever SQLite made beside it."""
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot ask about: leave its file alone
    return True


def _untouched_for(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def remove_leftovers(*folders: Path) -> list[Path]:
    """Delete the half-written files in ``folders`` whose writer is gone; returns what was removed. Reads only
    the folders' listings (the journal's folder and its backups: a few dozen names, whatever the journal's
    size)."""
    removed: list[Path] = []
    for folder in folders:
        try:
            names = [entry.name for entry in os.scandir(folder)]
        except OSError:
            continue
        for name in names:
            if not name.startswith("."):
                continue  # every leftover is hidden
            match = re.match(_LEFTOVER, name)
            if match is None:
                if not (re.match(_OLD_LEFTOVER, name) and _untouched_for(folder / name, OLD_LEFTOVER_AGE_S)):
                    continue
            elif _alive(int(match.group(1))):
                continue
            try:
                (folder / name).unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("could not remove the leftover %s: %s", folder / name, exc.strerror)
                continue
            removed.append(folder / name)
    if removed:
        log.warning("removed %d file(s) a killed rutjournal left half-written: %s", len(removed), removed)
    return removed
