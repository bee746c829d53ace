"""An export read from a pipe (``rutjournal import -``, or ``import <(cmd)``), held where the parsers can read it.

A format is told from the content and a zip needs seeking, so the stream is read whole (up to the size limit)
into an anonymous in-memory file on Linux, which leaves nothing on disk even if the process is killed; on
other systems into a private temporary file, removed afterwards.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rutjournal.core.i18n import _
from rutjournal.core.transfer.importers.json_source import MAX_IMPORT_BYTES
from rutjournal.core.transfer.importers.records import ImportFileError

STDIN_NAME = "standard input"
_CHUNK = 1024 * 1024


def is_pipe(path: Path) -> bool:
    """A FIFO, as ``<(cmd)`` and ``/dev/stdin`` behind a pipe are (they can be read once, and have no size)."""
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False


@contextmanager
def spooled(stream: BinaryIO, shown: Path) -> Iterator[Path]:
    """A path holding everything ``stream`` gives (``shown`` names it in messages); removed on leaving."""
    if hasattr(os, "memfd_create") and Path("/proc/self/fd").is_dir():
        fd = os.memfd_create("rutjournal-import", getattr(os, "MFD_CLOEXEC", 0))
        try:
            _copy(stream, fd, shown)
            yield Path(f"/proc/self/fd/{fd}")
        finally:
            os.close(fd)
        return
    with tempfile.TemporaryDirectory(prefix="rutjournal-import-") as folder:
        target = Path(folder) / "export"
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            _copy(stream, fd, shown)
        finally:
            os.close(fd)
        yield target


def _copy(stream: BinaryIO, fd: int, shown: Path) -> None:
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > MAX_IMPORT_BYTES:
            raise ImportFileError(
                shown,
                "",
                # TRANSLATORS: {most} is a number of megabytes.
                _("it holds more than {most} MB, the most rutjournal imports").format(
                    most=MAX_IMPORT_BYTES // 2**20
                ),
            )
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view) :]
