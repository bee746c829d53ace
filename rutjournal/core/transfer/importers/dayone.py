"""Day One's JSON export: the export zip, or a ``Journal.json`` taken out of it.

Each entry has ``creationDate`` (UTC, ISO 8601), ``timeZone`` (an IANA name), ``text`` (Markdown), ``tags`` and
``starred``. The calendar day is the one in the entry's own time zone: 23:30 UTC in New York is still that
day, 04:30 UTC is the evening before. The zip is read in memory, never extracted; a member whose name is
absolute or climbs out with ``..`` makes the whole zip refused.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from rutjournal.core.i18n import _
from rutjournal.core.transfer.importers.json_source import (
    MAX_IMPORT_BYTES,
    BadRecord,
    check_no_duplicates,
    check_top_level,
    parse_json_bytes,
    read_json_file,
    tags_and_star,
)
from rutjournal.core.transfer.importers.records import (
    EntryRecord,
    ImportFileError,
    ImportOptions,
    ParsedFile,
    Rejected,
)

FORMAT = "dayone"
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")  # Day One escapes Markdown punctuation in plain text


def parse(path: Path, options: ImportOptions | None = None) -> ParsedFile:
    parsed = ParsedFile(FORMAT, path)
    if path.is_file() and zipfile.is_zipfile(path):
        for member, data in _zip_journals(path):
            _read_journal(parsed, data, f"{member} ")
    else:
        _read_journal(parsed, read_json_file(path), "")
    return parsed


def _read_journal(parsed: ParsedFile, data: Any, prefix: str) -> None:
    check_top_level(parsed.path, data, prefix.strip())
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ImportFileError(
            parsed.path, prefix.strip(), _('not a Day One JSON export: there is no "entries" list')
        )
    member = prefix.strip()
    for number, item in enumerate(entries, 1):
        if member:
            # TRANSLATORS: where in an export: the {number}th entry of the journal file {member} in a zip.
            place = _("{member} entry {number}").format(member=member, number=number)
        else:
            place = _("entry {number}").format(number=number)
        try:
            parsed.entries.append(entry_record(item, place))
        except BadRecord as exc:
            parsed.rejected.append(Rejected(place, str(exc)))


def entry_record(item: Any, place: str) -> EntryRecord:
    """One Day One entry, on the calendar day of its own time zone."""
    if not isinstance(item, dict):
        raise BadRecord(_("not an entry (expected an object with creationDate and text)"))
    check_no_duplicates(item)
    local = local_time(item.get("creationDate"), item.get("timeZone"))
    text = item.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise BadRecord(_('"{key}" must be text').format(key="text"))
    tags, starred = tags_and_star(item)
    return EntryRecord(
        day=local.date(),
        body=_ESCAPED.sub(r"\1", text),
        place=_("{place} ({day})").format(place=place, day=local.date().isoformat()),
        time=local.time().replace(second=0, microsecond=0),
        tags=tuple(t for t in tags if t.strip()),
        starred=starred,
    )


def local_time(created: object, zone_name: object) -> dt.datetime:
    """The moment in the entry's own time zone (UTC when the entry names none)."""
    if not isinstance(created, str):
        raise BadRecord(_('the entry has no "creationDate"'))
    try:
        moment = dt.datetime.fromisoformat(created.strip())
    except ValueError:
        raise BadRecord(
            _("the creationDate {value} is not a real date and time").format(value=repr(created))
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # Day One writes UTC ("...Z")
    zone: dt.tzinfo = dt.UTC
    if zone_name is not None and zone_name != "":
        if not isinstance(zone_name, str):
            raise BadRecord(_('"timeZone" must be a time zone name such as "Europe/Paris"'))
        try:
            zone = ZoneInfo(zone_name)
        except (KeyError, ValueError, OSError):
            message = _("the time zone {value} is not one this computer knows")
            raise BadRecord(message.format(value=repr(zone_name))) from None
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        raise BadRecord(_("the creationDate {value} is out of range").format(value=repr(created))) from None


def _zip_journals(path: Path) -> list[tuple[str, Any]]:
    """The JSON journals in the zip, parsed; the zip is refused whole if any name escapes its folder."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            for info in infos:
                if escapes(info.filename):
                    raise ImportFileError(
                        path,
                        info.filename,
                        _("a file in the zip points outside its folder; the zip was not read"),
                    )
            journals = [
                i
                for i in infos
                if i.filename.lower().endswith(".json")
                and not i.is_dir()
                and not i.filename.startswith("__MACOSX/")
            ]
            if not journals:
                raise ImportFileError(path, "", _("the zip holds no Day One journal (no .json file in it)"))
            if sum(i.file_size for i in journals) > MAX_IMPORT_BYTES:
                raise ImportFileError(
                    path,
                    "",
                    # TRANSLATORS: {most} is a number of megabytes.
                    _("its journals unpack to more than {most} MB").format(most=MAX_IMPORT_BYTES // 2**20),
                )
            found = []
            for info in journals:
                found.append((info.filename, parse_json_bytes(path, archive.read(info), info.filename)))
            return found
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise ImportFileError(path, "", _("the zip cannot be read ({error})").format(error=exc)) from exc
    except OSError as exc:
        raise ImportFileError(
            path, "", _("cannot be read ({error})").format(error=exc.strerror or exc)
        ) from exc


def escapes(name: str) -> bool:
    """True for a member name that is absolute or climbs out of the zip's folder with '..'."""
    unified = name.replace("\\", "/")
    if unified.startswith("/") or re.match(r"^[A-Za-z]:", unified):
        return True
    return ".." in PurePosixPath(unified).parts
