"""Writing export files so that a failed or interrupted export never leaves a half-written file behind."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TextIO

from rutjournal.core.exporters.tables import count_words


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the files, and how many rows of each kind went into them."""

    paths: list[Path]
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """One line per file written, then the counts in words (kinds with no rows left out)."""
        shown = [count_words(table, n) for table, n in self.counts.items() if n]
        return [f"Wrote {path}" for path in self.paths] + (shown or ["(the journal is empty)"])


class AtomicFiles:
    """Files written under temporary names beside their targets, renamed into place only once all are whole.

    On any error the temporary files are removed and the targets are left as they were; each rename is atomic,
    so a reader sees either the old file or the new one.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    def open(self, path: Path, *, encoding: str = "utf-8", newline: str | None = "\n") -> TextIO:
        part = path.with_name(f".{path.name}.part-{os.getpid()}")
        handle = part.open("w", encoding=encoding, newline=newline)
        self._staged.append((part, path))
        return handle

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                for part, _path in self._staged:
                    with part.open("rb") as fh:
                        os.fsync(fh.fileno())
                for part, path in self._staged:
                    os.replace(part, path)
        finally:
            for part, _path in self._staged:
                part.unlink(missing_ok=True)
