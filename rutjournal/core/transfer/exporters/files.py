"""Writing export files so that a failed or interrupted export never leaves a half-written file behind."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TextIO

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.transfer.exporters.leftovers import PartRecord, part_name
from rutjournal.core.transfer.exporters.tables import count_words

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the files, and how many rows of each kind went into them."""

    paths: list[Path]
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """One line per file written, then the counts in words (kinds with no rows left out)."""
        shown = [count_words(table, n) for table, n in self.counts.items() if n]
        wrote = [_("Wrote {path}").format(path=path) for path in self.paths]
        return wrote + (shown or [_("(the journal is empty)")])


def check_target(path: Path, field: str = "--out") -> Path:
    """``path`` when an export may write there: a new file in an existing folder, or a regular file the user
    named. A symbolic link, a folder, a pipe, a device or a socket is refused (InvalidInput naming ``field``):
    replacing it would destroy something that is not an old export."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise InvalidInput(field, _("a file in an existing folder"), path) from None
        return path
    except NotADirectoryError:
        raise InvalidInput(field, _("a file in an existing folder"), path) from None
    except OSError as exc:
        raise InvalidInput(
            field, _("a file that can be written ({error})").format(error=exc.strerror or exc), path
        ) from None
    if stat.S_ISLNK(st.st_mode):
        raise InvalidInput(field, _("a new file or a regular file, not a symbolic link"), path)
    if stat.S_ISDIR(st.st_mode):
        raise InvalidInput(field, _("a file name, not a folder"), path)
    if not stat.S_ISREG(st.st_mode):
        raise InvalidInput(field, _("a new file or a regular file, not a pipe, device or socket"), path)
    return path


class AtomicFiles:
    """Files written under temporary names beside their targets, renamed into place only once all are whole.

    On any error the temporary files are removed and the targets are left as they were; each rename is atomic,
    so a reader sees either the old file or the new one. Each target must pass ``check_target`` (when opened and
    again just before the rename). With ``record_dir`` (the data folder) every temporary file is noted there
    before it is created, so one a killed process left behind is removed at the next start (``leftovers``).
    """

    def __init__(self, record_dir: Path | None = None, *, field: str = "--out") -> None:
        self._staged: list[tuple[Path, Path]] = []
        self._record = PartRecord(record_dir) if record_dir is not None else None
        self._field = field

    def reserve(self, path: Path) -> Path:
        """Create the empty temporary file for ``path`` and return it, for a writer that wants a file name."""
        os.close(self._create(path))
        return self._staged[-1][0]

    def open(self, path: Path, *, encoding: str = "utf-8", newline: str | None = "\n") -> TextIO:
        return os.fdopen(self._create(path), "w", encoding=encoding, newline=newline)

    def open_binary(self, path: Path) -> BinaryIO:
        return os.fdopen(self._create(path), "wb")

    def _create(self, path: Path) -> int:
        check_target(path, self._field)
        part = part_name(path)
        if self._record is not None:
            self._record.add(part)
        try:
            # O_EXCL and O_NOFOLLOW: the file is new and this process's own, whatever else is in the folder.
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o666)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc  # name the file the user asked for
        self._staged.append((part, path))
        return fd

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                for part, path in self._staged:
                    check_target(path, self._field)  # nothing may have taken its place meanwhile
                    with part.open("rb") as fh:
                        os.fsync(fh.fileno())
                for part, path in self._staged:
                    os.replace(part, path)
        finally:
            for part, _path in self._staged:
                part.unlink(missing_ok=True)
            if self._record is not None:
                self._record.close()
