"""Which format a file is in, told from its content (never its name), and the parser for each format.

Detection reads only the start of a file (or the names in a zip, or the names in a folder), so even a very
large file is answered at once; the parser then reads it whole, once. Parser modules are imported only when
used, and a format whose module is not installed is simply not offered.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rutjournal.core.i18n import N_, _
from rutjournal.core.transfer.importers.json_source import MAX_IMPORT_BYTES, check_size
from rutjournal.core.transfer.importers.records import ImportFileError, ImportOptions, ParsedFile

Parser = Callable[[Path, ImportOptions], ParsedFile]
SNIFF_BYTES = 1024 * 1024
RESTORE = "rutjournal"  # a full export of this app: restored by the exporters' json_restore, not merged
_MONTH_FILE = re.compile(r"\d{4}-\d{2}\.txt", re.ASCII)


@dataclass(frozen=True)
class ImportFormat:
    name: str
    label: str
    module: str


FORMATS: dict[str, ImportFormat] = {
    f.name: f
    for f in (
        # TRANSLATORS: the formats an import reads (each label is translated where it is shown: _(label)).
        ImportFormat("jrnl", N_("jrnl JSON export"), "rutjournal.core.transfer.importers.jrnl"),
        ImportFormat(
            "dayone",
            N_("Day One JSON export (zip or Journal.json)"),
            "rutjournal.core.transfer.importers.dayone",
        ),
        ImportFormat("daylio", N_("Daylio CSV export"), "rutjournal.core.transfer.importers.daylio"),
        ImportFormat(
            "rednotebook", N_("RedNotebook data folder"), "rutjournal.core.transfer.importers.rednotebook"
        ),
        ImportFormat(
            "taskwarrior",
            N_("Taskwarrior task export JSON"),
            "rutjournal.core.transfer.importers.taskwarrior",
        ),
        ImportFormat("csv", N_("CSV with a header row"), "rutjournal.core.transfer.importers.csv_plain"),
        ImportFormat(
            RESTORE, N_("rutjournal full JSON export"), "rutjournal.core.transfer.exporters.json_restore"
        ),
    )
}


def is_available(name: str) -> bool:
    """Whether the format's module is installed in this build."""
    try:
        return importlib.util.find_spec(FORMATS[name].module) is not None
    except (ImportError, KeyError, ValueError):
        return False


def available_formats() -> list[ImportFormat]:
    return [f for f in FORMATS.values() if is_available(f.name)]


def parser_for(name: str) -> Parser:
    """The ``parse(path, options)`` of a format; ImportFileError-free: a missing module raises LookupError."""
    if name == RESTORE or name not in FORMATS or not is_available(name):
        raise LookupError(
            _("no importer for the format {name} in this version of rutjournal").format(name=repr(name))
        )
    module = importlib.import_module(FORMATS[name].module)
    parse: Parser = module.parse
    return parse


def parse_file(path: Path, format: str | None = None, options: ImportOptions | None = None) -> ParsedFile:
    """Detect the format (unless given) and read the file into records; nothing is written."""
    name = format or detect_format(path)
    if name == RESTORE:
        raise ImportFileError(
            path, "", _("a full rutjournal export is restored, not merged (see json_restore)")
        )
    if name not in FORMATS:
        raise ImportFileError(
            path, "", _("{name} is not a format rutjournal imports").format(name=repr(name))
        )
    try:
        parse = parser_for(name)
    except LookupError as exc:
        raise ImportFileError(path, "", str(exc)) from None
    return parse(path, options or ImportOptions())


def detect_format(path: Path) -> str:
    """The name of the file's format, from its content; ImportFileError says why none fits."""
    if path.is_dir():
        return _detect_folder(path)
    try:
        size = path.stat().st_size
        check_size(path, size)
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except ImportFileError:
        raise
    except OSError as exc:
        raise ImportFileError(
            path, "", _("cannot be read ({error})").format(error=exc.strerror or exc)
        ) from exc
    if head.startswith(b"PK\x03\x04"):
        return _detect_zip(path)
    text = _text_of(path, head, complete=size <= len(head))
    stripped = text.lstrip()
    if not stripped:
        raise ImportFileError(path, "", _("the file holds only blank space"))
    if stripped[0] in "{[":
        return _detect_json(path, stripped)
    return _detect_csv(path, stripped)


def _text_of(path: Path, head: bytes, *, complete: bool) -> str:
    import codecs

    if b"\x00" in head:
        raise ImportFileError(
            path, "", _("not a text file (it holds binary data); nothing to import"), reason_says_nothing=True
        )
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        return decoder.decode(head, final=complete)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            path,
            _("byte {number}").format(number=exc.start + 1),
            _("not UTF-8 text, nor a zip; not a format rutjournal imports"),
        ) from exc


def _has(text: str, *keys: str) -> bool:
    return all(f'"{key}"' in text for key in keys)


def _detect_json(path: Path, text: str) -> str:
    if re.search(r'"format"\s*:\s*"rutjournal"', text):
        return RESTORE
    if _has(text, "uuid", "description", "status") and not _has(text, "entries"):
        return "taskwarrior"  # an array, or one object a line (rc.json.array=off)
    if text[0] == "[" and text[1:].lstrip().startswith("]"):
        return "taskwarrior"  # `task export` of an empty list
    if text[0] == "{" and _has(text, "entries"):
        if _has(text, "creationDate") or _has(text, "metadata"):
            return "dayone"
        if _has(text, "date", "time", "body") or _has(text, "tags"):
            return "jrnl"
    raise ImportFileError(
        path,
        "",
        _(
            "a JSON file, but not an export rutjournal knows (jrnl, Day One, Taskwarrior or a rutjournal export)"
        ),
    )


def _detect_csv(path: Path, text: str) -> str:
    import csv

    first = text.splitlines()[0]
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
        header = next(csv.reader([first], dialect))
    except (csv.Error, StopIteration):
        header = []
    names = {cell.strip().lower() for cell in header}
    if len(header) < 2 or any(not cell.strip() for cell in header):
        raise ImportFileError(
            path,
            # TRANSLATORS: where in a file: its {line}th line.
            _("line {line}").format(line=1),
            _("not a format rutjournal imports (a CSV needs a header row naming its columns)"),
        )
    if names & {"full_date", "date"} and {"mood", "activities"} <= names:
        return "daylio"
    return "csv"


def _detect_zip(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(path, "", _("the zip cannot be read ({error})").format(error=exc)) from exc
    if any(name.lower().endswith(".json") for name in names):
        return "dayone"
    raise ImportFileError(path, "", _("a zip, but not a Day One export (no .json journal in it)"))


def _detect_folder(path: Path) -> str:
    from rutjournal.core.transfer.importers.textfiles import check_link, folder_files

    for folder in (path, path / "data"):
        if folder != path and folder.is_symlink():
            check_link(path, folder)
        months = folder_files(path, folder, _MONTH_FILE) if folder.is_dir() else []
        if months:
            total = sum(p.stat().st_size for p in months)
            if total > MAX_IMPORT_BYTES:
                check_size(path, total)
            return "rednotebook"
    raise ImportFileError(
        path, "", _("a folder, but not a RedNotebook data folder (no YYYY-MM.txt month files in it)")
    )
