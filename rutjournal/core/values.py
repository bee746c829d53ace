"""Checking what a user typed before anything is written: scores, hours, dates, tags, text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rutjournal.core.errors import InvalidInput

SCORE_FIELDS = ("mood", "energy", "challenge", "load")
MAX_BODY_CHARS = 1_000_000
MAX_TAG_CHARS = 64
_TAG_SPACE = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Scores:
    """The numbers of one day. ``None`` means not given — never zero."""

    mood: int | None = None
    energy: int | None = None
    challenge: int | None = None
    hours: float | None = None
    load: int | None = None

    def validated(self) -> Scores:
        for name in SCORE_FIELDS:
            check_score(name, getattr(self, name))
        check_hours(self.hours)
        return self


def check_score(field: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(field, "a whole number from 1 to 5, or blank", value)
    return value


def check_hours(value: object) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 <= value <= 24
        or float(value) * 2 != int(float(value) * 2)
    ):
        raise InvalidInput("hours", "a number from 0 to 24 in half hours (e.g. 7.5), or blank", value)
    return float(value)


def parse_score(field: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InvalidInput(field, "a whole number from 1 to 5", text) from None
    result = check_score(field, value)
    assert result is not None
    return result


def parse_hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput("hours", "a number from 0 to 24 in half hours (e.g. 7.5)", text) from None
    result = check_hours(value)
    assert result is not None
    return result


def parse_day(text: str) -> dt.date:
    try:
        return (
            dt.date.fromisoformat(text.strip())
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip())
            else _bad(text)
        )
    except ValueError:
        return _bad(text)


def _bad(text: str) -> dt.date:
    raise InvalidInput("date", "a real calendar date written YYYY-MM-DD", text)


def normalize_tag(text: str) -> str:
    """'#Team Meeting' -> 'team-meeting': tags compare without case, '#' or inner spaces."""
    name = _TAG_SPACE.sub("-", text.strip().lstrip("#").strip()).strip("-").lower()
    if not name:
        raise InvalidInput("tag", "a word or two (letters, digits, '-')", text)
    if len(name) > MAX_TAG_CHARS:
        raise InvalidInput("tag", f"at most {MAX_TAG_CHARS} characters", text)
    return name


def normalize_tags(texts: list[str] | tuple[str, ...]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        if text.strip().lstrip("#").strip():
            seen.setdefault(normalize_tag(text))
    return list(seen)


def split_tags(text: str) -> list[str]:
    """Tags as typed in one box: separated by commas."""
    return normalize_tags([part for part in text.split(",") if part.strip()])


def check_body(text: str) -> str:
    if len(text) > MAX_BODY_CHARS:
        raise InvalidInput(
            "text", f"at most {MAX_BODY_CHARS:,} characters a day", f"{len(text):,} characters"
        )
    return text


def word_count(text: str) -> int:
    return len(text.split())
