"""Writing a file whole or not at all: a temporary name in the same folder, fsynced, then renamed over.

A sync tool watching the folder sees either no file or the complete one (the temporary name is hidden and
matches none of the names a device reads), and a process killed half-way leaves the old file as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from rutjournal.core.storage.leftovers import temp_path


def write_atomic(path: Path, data: bytes) -> None:
    """``path`` holds ``data``, or (killed half-way) what it held before; the folder entry is synced too."""
    temporary = temp_path("partial", path)
    try:
        with open(temporary, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX: fsync the directory; Windows cannot open one, nor needs to)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
