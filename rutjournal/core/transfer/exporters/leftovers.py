"""Partial export files a killed process left behind, found and removed at the next start.

An export is written under a temporary name beside its target (see ``files.AtomicFiles``): a process killed
half-way leaves that partial file, an unencrypted copy of part of a journal that may be encrypted. So before
each partial file is created its path goes into a small record in the data folder (``exports-in-progress/``,
one file per export), and the record is removed when the export ends. ``remove_abandoned_exports`` deletes
the partial files of records whose process is gone — only files named as this module names them.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from rutjournal.core.logsetup import logger

log = logger(__name__)

RECORD_DIR = "exports-in-progress"
_PART = r"^\..+\.part-(?P<pid>\d+)-[0-9a-f]{8}$"  # compiled by re when a record is found: rarely


def part_name(target: Path) -> Path:
    """A new partial file's path beside ``target``: hidden, naming this process, never guessed twice."""
    import secrets

    return target.with_name(f".{target.name}.part-{os.getpid()}-{secrets.token_hex(4)}")


class PartRecord:
    """The record of one export's partial files, written before each of them is created."""

    def __init__(self, data_dir: Path) -> None:
        self._folder = data_dir / RECORD_DIR
        self._file: Path | None = None

    def add(self, part: Path) -> None:
        """Note ``part`` (best effort: a data folder that cannot be written must not stop an export)."""
        import json

        try:
            if self._file is None:
                self._file = self._create()
            with self._file.open("a", encoding="utf-8") as out:
                out.write(json.dumps(str(part)) + "\n")
        except OSError as exc:
            log.warning("cannot note the partial export file in %s (%s)", self._folder, exc.strerror or exc)

    def close(self) -> None:
        """The export is over (done or failed, its partial files gone): drop the record."""
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._file.unlink(missing_ok=True)
            self._folder.rmdir()  # only when empty: another export may be running
        self._file = None

    def _create(self) -> Path:
        import json
        import secrets
        import socket

        header = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}) + "\n"
        for _attempt in range(3):  # the folder may be removed by another export ending between the two steps
            self._folder.mkdir(parents=True, exist_ok=True)
            path = self._folder / f"{os.getpid()}-{secrets.token_hex(4)}.json"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileNotFoundError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(header)
            return path
        raise FileNotFoundError(f"cannot create a record in {self._folder}")


def remove_abandoned_exports(data_dir: Path) -> list[Path]:
    """Delete the partial files of exports whose process is no longer running; return the files removed.

    Cheap when there is nothing to do (one failed directory listing). Records of another machine sharing the
    folder, or of a process still alive, are left alone.
    """
    folder = data_dir / RECORD_DIR
    try:
        records = [entry for entry in os.scandir(folder) if entry.name.endswith(".json")]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        log.warning("cannot look for abandoned exports in %s (%s)", folder, exc.strerror or exc)
        return []
    removed: list[Path] = []
    for entry in records:
        try:
            removed.extend(_clear(Path(entry.path)))
        except (OSError, ValueError) as exc:
            log.warning("cannot clear the export record %s (%s)", entry.path, exc)
    with contextlib.suppress(OSError):  # not empty: an export still running
        folder.rmdir()
    for path in removed:
        log.info("removed %s, left by an export that was stopped", path)
    return removed


def _clear(record: Path) -> list[Path]:
    """The partial files of one record, deleted when its process is gone (and then the record itself)."""
    import json
    import socket

    if record.is_symlink() or not record.is_file():
        return []
    lines = record.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0]) if lines else None
    if not isinstance(header, dict):
        return []
    pid, host = header.get("pid"), header.get("host")
    if not isinstance(pid, int) or isinstance(pid, bool) or host != socket.gethostname():
        return []
    if pid == os.getpid() or process_alive(pid):
        return []
    removed = []
    for line in lines[1:]:
        named = json.loads(line)
        if not isinstance(named, str):
            continue
        part = Path(named)
        match = re.match(_PART, part.name, re.DOTALL)
        if match is None or int(match["pid"]) != pid:
            continue  # not a name this module gave: never delete it
        try:
            if part.is_symlink() or not part.is_file():
                continue
            part.unlink()
        except FileNotFoundError:
            continue  # renamed into place, or removed, before the process ended
        removed.append(part)
    record.unlink(missing_ok=True)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a zombie, not yet reaped, still counts)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True  # cannot tell: keep the files
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    synchronize = 0x00100000
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(synchronize, False, pid)
    if not handle:
        return bool(kernel.GetLastError() == 5)  # access denied: it exists
    still_running = kernel.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT
    kernel.CloseHandle(handle)
    return bool(still_running)
