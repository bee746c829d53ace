"""Reading other programs' text files for the parsers: UTF-8 with or without a BOM, CSV rows with their lines.

Every problem becomes an ``ImportFileError`` (the file as a whole) or a ``ValueError`` whose message a parser
puts into a ``Rejected`` record; nothing else escapes, whatever bytes the file holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.transfer.importers.json_source import check_size
from rutjournal.core.transfer.importers.records import ImportFileError
from rutjournal.core.values import check_body, normalize_tags

_TIME = re.compile(
    r"^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([aApP])\.?\s*[mM]\.?)?\s*$",
)
_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_DELIMITERS = ",;\t"


def read_text(path: Path) -> str:
    """The whole file as text; a folder, an empty, huge or unreadable file, or bytes not UTF-8 stop it."""
    if path.is_dir():
        raise ImportFileError(path, "", _("is a folder, not a file"))
    try:
        check_size(path, path.stat().st_size)
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(path, "", _cannot_read(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            path,
            _("line {line}").format(line=line),
            # TRANSLATORS: {byte} is the byte that cannot be read, in hexadecimal: 0xff.
            _(
                "is not UTF-8 text (byte {byte} cannot be read); save or export it again as UTF-8 and retry"
            ).format(byte=f"0x{data[error.start]:02x}"),
        ) from None


def folder_files(root: Path, folder: Path, name: re.Pattern[str]) -> list[Path]:
    """The files in ``folder`` (inside the imported ``root``) whose names match, sorted.

    A link that leads outside ``root``, leads nowhere or loops, and a pipe, device or socket with such a name,
    stop the import (ImportFileError naming it): reading them could leak another file, hang or never end.
    """
    try:
        children = sorted(child for child in folder.iterdir() if name.fullmatch(child.name))
    except OSError as error:
        raise ImportFileError(folder, "", _cannot_read(error)) from None
    found = []
    for child in children:
        if child.is_symlink():
            check_link(root, child)
        try:
            mode = child.stat().st_mode
        except OSError as error:
            raise ImportFileError(child, "", _cannot_read(error)) from None
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            raise ImportFileError(child, "", _("is a pipe, a device or a socket, not a file"))
        found.append(child)
    return found


def check_link(root: Path, link: Path) -> Path:
    """Where ``link`` leads, if that is a real place inside ``root``; else ImportFileError saying why not."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        raise ImportFileError(link, "", _("is a link to something that does not exist")) from None
    except (RuntimeError, OSError) as error:  # a loop: RuntimeError before Python 3.13, OSError (ELOOP) after
        reason = _("is a link that cannot be followed ({error})").format(error=_why(error))
        raise ImportFileError(link, "", reason) from None
    if not target.is_relative_to(root.resolve()):
        raise ImportFileError(
            link, "", _("is a link to a file outside the folder being imported; copy that file in instead")
        )
    return target


def _why(error: BaseException) -> str:
    if "loop" in str(error).lower():
        return _("it loops back on itself")
    return str(getattr(error, "strerror", error))


def _cannot_read(error: OSError) -> str:
    # TRANSLATORS: {error} is the system's own words ("Permission denied").
    return _("cannot be read ({error})").format(error=error.strerror or error)


def csv_rows(path: Path, text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Each non-blank CSV record with the line it starts on (a quoted field may span several lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            reason = _("the CSV cannot be read ({error})").format(error=error)
            raise ImportFileError(path, _("line {line}").format(line=start), reason) from None
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: what the header line is split by.

    csv.Sniffer guesses from a sample and raises when unsure, and it can pick a letter that happens to
    repeat; its answer is only taken when it is one of the three and appears in the header line.
    """
    sample = "\n".join(text.splitlines()[:20])[:4096]
    header = sample.split("\n", 1)[0]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except (csv.Error, ValueError, TypeError, IndexError):
        sniffed = ""
    if sniffed and sniffed in _DELIMITERS and sniffed in header:
        return sniffed
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def parse_time(text: str) -> dt.time | None:
    """'20:30', '8:30 pm', '08:30:15' -> a time of day; blank -> None; anything else -> ValueError."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if match[4]:
            if not 1 <= hour <= 12:
                hour = 99
            hour = hour % 12 + (12 if match[4] in "pP" else 0)
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    raise ValueError(
        _("time {value} is not a time of day (write it like 20:30 or 8:30 pm)").format(
            value=repr(text.strip())
        )
    )


def parse_iso_day(text: str, what: str = "date") -> dt.date:
    """'2024-03-05' -> a date; another form or a day that does not exist -> ValueError saying which."""
    match = _DAY.match(text)
    if not match:
        if what == "date":
            message = _(
                "date {value} is not written YYYY-MM-DD (e.g. 2024-03-05); "
                "day and month order cannot be guessed, so write it that way"
            )
        else:
            # TRANSLATORS: {what} names the value ("due date"), {value} is what the file holds.
            message = _(
                "{what} {value} is not written YYYY-MM-DD (e.g. 2024-03-05); "
                "day and month order cannot be guessed, so write it that way"
            )
        raise ValueError(message.format(what=what, value=repr(text.strip())))
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        if what == "date":
            message = _("date {value} does not exist in the calendar")
        else:
            message = _("{what} {value} does not exist in the calendar")
        raise ValueError(message.format(what=what, value=text.strip())) from None


def check_unicode(text: str) -> str:
    """JSON and YAML escapes can spell lone surrogates, which SQLite cannot store: those are refused here."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            _("holds an escape that is not a real character (a lone surrogate like \\ud800)")
        ) from None
    return text


def clean_tags(names: list[str]) -> tuple[str, ...]:
    """Tags as the journal stores them (lower case, '-' for spaces); a tag too long -> ValueError."""
    for name in names:
        check_unicode(name)
    try:
        return tuple(normalize_tags(names))
    except InvalidInput as error:
        # TRANSLATORS: {allowed} says what a tag may be ("at most 64 characters").
        message = _("tag {value} cannot be used: it must be {allowed}")
        raise ValueError(message.format(value=repr(error.value), allowed=error.allowed)) from None


def clean_body(text: str) -> str:
    """The text with Windows line ends made plain; a body too long for one day -> ValueError."""
    body = check_unicode(text).replace("\r\n", "\n").replace("\r", "\n")
    try:
        return check_body(body)
    except InvalidInput as error:
        # TRANSLATORS: {length} is the text's length ("1,000,001 characters"), {allowed} the most allowed.
        message = _("the text is too long ({length}); it must be {allowed}")
        raise ValueError(message.format(length=error.value, allowed=error.allowed)) from None
