"""Keeping what rutjournal writes private to the user: folders 0700, files 0600 (on POSIX systems).

The process's umask is set once at start, so every file and folder it creates — the journal and its -wal/-shm,
backups, logs, settings, exports, temporary files — is the user's alone; folders an older version made with
looser permissions are tightened when they are next used. Windows keeps files in the user's profile, whose
ACLs already do this, so nothing is changed there.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077


def private_by_default() -> None:
    """From now on this process creates files 0600 and folders 0700."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def tighten(*folders: Path) -> None:
    """Make existing folders of ours private (0700) when they are open to others; a folder owned by someone
    else, or one that cannot be changed, is left as it is with a note in the log."""
    if os.name != "posix":
        return
    for folder in folders:
        try:
            info = folder.stat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or not info.st_mode & 0o077:
            continue
        try:
            os.chmod(folder, stat.S_IMODE(info.st_mode) & 0o700)
        except OSError as exc:
            # logging itself, not logsetup's stand-in: logsetup makes the log folder private with this module
            import logging

            logging.getLogger(__name__).warning("could not make %s private: %s", folder, exc.strerror)
