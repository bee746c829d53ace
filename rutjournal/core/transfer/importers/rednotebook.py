"""RedNotebook's data folder: one ``YYYY-MM.txt`` YAML file a month mapping day numbers to the day's content.

A day is ``{text: "...", Category: {entry: null, ...}, tag: null}``: a category with entries, or a bare tag.
Old versions kept tags as the entries of a "Tags" category. Text is txt2tags markup and is kept as written;
inline ``#hashtags`` and category names become tags, and category entries are added to the body as lines so
nothing the user wrote is lost. A month file that cannot be read is rejected as a whole; the others import.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from rutjournal.core import text as words
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.transfer.importers.records import (
    EntryRecord,
    ImportFileError,
    ImportOptions,
    ParsedFile,
    Rejected,
)
from rutjournal.core.transfer.importers.textfiles import (
    check_link,
    clean_body,
    clean_tags,
    folder_files,
    read_text,
)

FORMAT = "rednotebook"
MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.txt$")
OLD_TAGS_CATEGORY = "Tags"
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# RedNotebook's own rule, simplified: '#' after a non-word character, a word with a letter, not a colour.
_HASHTAG = re.compile(r"(?:^|[^\w&#])[#\uff03](?![0-9a-fA-F]{6}\b|include\b)(\w*[^\W\d_]\w*)")


class _Mapping(dict[Any, Any]):
    """A YAML mapping that gave a key more than once (only the last value is kept, so the key is named)."""

    duplicates: tuple[Any, ...] = ()


class _MonthLoader(_BASE):  # type: ignore[misc]
    """A safe loader (CSafeLoader when PyYAML has libyaml) whose mappings note keys given twice."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = _Mapping()
    twice: list[Any] = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping and key not in twice:  # an unhashable key raises TypeError: the month is refused
            twice.append(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
    if not twice:
        return dict(mapping)
    mapping.duplicates = tuple(twice)
    return mapping


_MonthLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class _AliasesRefused(ValueError):
    """``*name`` repeats a node: 388 bytes of them can expand to gigabytes, and RedNotebook never writes one."""


def load_month(text: str) -> Any:
    """The month's YAML as Python values; aliases are refused before anything is built from them."""
    loader = _MonthLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_aliases(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _refuse_aliases(root: yaml.Node) -> None:
    """An alias is the same node met twice in the tree; looked for without recursion and without expanding."""
    seen: set[int] = set()
    todo: list[yaml.Node] = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            raise _AliasesRefused(_("it uses YAML aliases (*name), which RedNotebook never writes"))
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                todo.extend((key, value))


_TWICE_DAY = N_(
    "the day is given twice in the month file; which one is meant cannot be told, so neither was imported"
)


def is_month_file(path: Path) -> bool:
    return bool(MONTH_FILE.match(path.name))


def parse(path: Path, options: ImportOptions) -> ParsedFile:
    """Every day of every month file in the folder (or of the one month file given)."""
    parsed = ParsedFile(format=FORMAT, path=path)
    if not path.is_dir():
        if not is_month_file(path):
            raise ImportFileError(path, "", _("is not a RedNotebook month file (named like 2024-03.txt)"))
        problem = _parse_month(path, read_text(path), parsed)
        if problem:
            raise ImportFileError(path, problem.place, problem.reason)
        return parsed
    files = _month_files(path, path) or _month_files(path, path / "data")
    if not files:
        raise ImportFileError(
            path,
            "",
            _("holds no RedNotebook month files (named like 2024-03.txt); choose RedNotebook's data folder"),
        )
    for file in files:
        if _is_empty(file):
            continue  # RedNotebook never writes one, but an empty month has nothing to lose
        try:
            text = read_text(file)
        except ImportFileError as error:
            parsed.rejected.append(Rejected(_where(file.name, error.place), _whole_month(error.reason)))
            continue
        problem = _parse_month(file, text, parsed)
        if problem:
            parsed.rejected.append(problem)
    return parsed


def _month_files(root: Path, folder: Path) -> list[Path]:
    """The month files of a data folder; RedNotebook's own folder (~/.rednotebook) holds them in data/.
    Links that lead out of ``root`` (or nowhere), pipes and devices stop the import (``folder_files``)."""
    if folder != root and folder.is_symlink():
        check_link(root, folder)
    if not folder.is_dir():
        return []
    return folder_files(root, folder, MONTH_FILE)


def _is_empty(file: Path) -> bool:
    try:
        return file.stat().st_size == 0
    except OSError:
        return False  # read_text says why it cannot be read


def _whole_month(reason: str) -> str:
    # TRANSLATORS: a month file of RedNotebook that cannot be read at all; {reason} says why.
    return _("the whole month: {reason}").format(reason=reason)


def _where(name: str, place: str) -> str:
    return f"{name} {place}" if place else name


def _parse_month(file: Path, text: str, parsed: ParsedFile) -> Rejected | None:
    """Add the month's days to ``parsed``; a problem with the file as a whole is returned, not raised."""
    match = MONTH_FILE.match(file.name)
    assert match is not None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and year >= 1):
        return Rejected(
            file.name, _whole_month(_("{file} does not name a month (YYYY-MM.txt)").format(file=file.name))
        )
    try:
        content = load_month(text)  # a safe loader (CSafeLoader or SafeLoader), and no aliases
    except _AliasesRefused as error:
        return Rejected(file.name, _whole_month(_("{reason}; it was not read").format(reason=error)))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        return Rejected(
            _where(file.name, _("line {line}").format(line=line) if line else ""),
            # TRANSLATORS: {error} is the YAML reader's own words, in English.
            _("the whole month is not valid YAML ({error}); fix or remove that line").format(
                error=error.problem or error
            ),
        )
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as error:
        return Rejected(file.name, _("the whole month is not valid YAML ({error})").format(error=error))
    if content is None:
        return None
    if not isinstance(content, dict):
        return Rejected(
            file.name, _whole_month(_("expected day numbers with their text, found something else"))
        )
    twice = set(content.duplicates) if isinstance(content, _Mapping) else set()
    for key, day_content in sorted(content.items(), key=lambda item: str(item[0]).zfill(4)):
        # TRANSLATORS: where in a RedNotebook export: a day ({day}, its number) of a month file ({file}).
        place = _("{file} day {day}").format(file=file.name, day=key)
        if key in twice:
            parsed.rejected.append(Rejected(place, _(_TWICE_DAY)))
            continue
        try:
            parsed.entries.append(_entry(year, month, key, day_content, place))
        except ValueError as error:
            parsed.rejected.append(Rejected(place, str(error)))
    return None


def _entry(year: int, month: int, key: object, content: object, place: str) -> EntryRecord:
    if isinstance(key, bool) or not isinstance(key, int | str) or not str(key).isdecimal():
        raise ValueError(_("{key} is not a day number").format(key=repr(key)))
    number = int(key)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= number <= last:
        # TRANSLATORS: {month} is a month and its year ("February 2024"), {number} a day's number.
        message = ngettext(
            "{month} has no day {number} (it has {last} day)",
            "{month} has no day {number} (it has {last} days)",
            last,
        )
        raise ValueError(message.format(month=words.month(dt.date(year, month, 1)), number=number, last=last))
    if not isinstance(content, dict):
        raise ValueError(_("holds no text or categories (expected 'text:' and category names)"))
    if isinstance(content, _Mapping):
        shown = str(content.duplicates[0])[:30]
        raise ValueError(
            _("gives {key} twice; which one is meant cannot be told, so the day was not imported").format(
                key=repr(shown)
            )
        )
    text = content.get("text", "")
    if text is None:
        text = ""
    if isinstance(text, bool) or not isinstance(text, str | int | float | dt.date):
        raise ValueError(_("its text is not text (a list or a mapping was found)"))
    text = str(text)
    tags: list[str] = list(_HASHTAG.findall(text))
    lines: list[str] = []
    for raw_category, entries in content.items():
        if raw_category == "text":
            continue
        category = str(raw_category).strip()
        names = _entries(entries)
        if category == OLD_TAGS_CATEGORY:
            tags.extend(names)
            continue
        if category:
            tags.append(category)
        lines.extend(f"{category}: {name}" for name in names)
    body = "\n\n".join(part for part in (text.strip(), "\n".join(lines)) if part)
    if not body and not tags:
        raise ValueError(_("is empty: no text and no categories"))
    return EntryRecord(
        day=dt.date(year, month, number),
        body=clean_body(body),
        place=place,
        tags=clean_tags([tag for tag in tags if tag.strip()]),
    )


def _entries(value: object) -> list[str]:
    """The entries of one category: the keys of its mapping (their values are always null), or a list."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(name).strip() for name in value if str(name).strip()]
    if isinstance(value, list):
        return [str(name).strip() for name in value if str(name).strip()]
    return [str(value).strip()] if str(value).strip() else []
