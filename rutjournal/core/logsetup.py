"""Logging to a rotating file in the user log directory (stderr only gets warnings).

The file is opened, and ``logging.handlers`` (which brings sockets and pickle) imported, when the first record
is written: a command that has nothing to log pays for neither.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

_configured: Path | None = None


def setup_logging(log_file: Path, *, stderr_level: int = logging.WARNING) -> Path:
    """Send every record to a rotating file; returns the file so messages can point at it."""
    global _configured
    if _configured == log_file:
        return log_file
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    _remove_handlers(root)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        from rutjournal.core.storage.private_files import tighten

        tighten(log_file.parent)  # the log names files and dates: the user's alone
        file_handler: logging.Handler = _RotatingOnFirstRecord(log_file)
    except OSError as exc:  # a read-only home must not stop the app
        file_handler = logging.StreamHandler(sys.stderr)
        print(f"rutjournal: cannot write the log file {log_file}: {exc.strerror}", file=sys.stderr)
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler._rutjournal = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(stderr_level)
    err.setFormatter(logging.Formatter("rutjournal: %(message)s"))
    err._rutjournal = True  # type: ignore[attr-defined]
    root.addHandler(err)
    _configured = log_file
    return log_file


def stop_logging() -> None:
    """Close and remove the handlers ``setup_logging`` added; the next call starts afresh. A process ends with
    this done for it; commands run one after another in one process (the tests) would otherwise keep writing
    to the first one's standard error and log file, which may be gone."""
    global _configured
    _remove_handlers(logging.getLogger())
    _configured = None


def _remove_handlers(root: logging.Logger) -> None:
    for handler in list(root.handlers):
        if getattr(handler, "_rutjournal", False):
            root.removeHandler(handler)
            handler.close()


class _RotatingOnFirstRecord(logging.Handler):
    """A ``RotatingFileHandler`` (1 MB, five old files kept) made when the first record arrives."""

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self._file = log_file
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            import logging.handlers

            try:
                target: logging.Handler = logging.handlers.RotatingFileHandler(
                    self._file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
                )
            except OSError as exc:  # a log folder that turned read-only: say so once, on stderr
                print(f"rutjournal: cannot write the log file {self._file}: {exc.strerror}", file=sys.stderr)
                target = logging.StreamHandler(sys.stderr)
            target.setFormatter(self.formatter)
            self._target = target
        self._target.emit(record)

    def flush(self) -> None:
        if self._target is not None:
            self._target.flush()

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()
