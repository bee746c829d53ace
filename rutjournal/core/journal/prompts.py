"""Writing prompts drawn from the four steps out of a rut, one a day in turn (``resources/prompts.txt``, and
``resources/locale/<language>/prompts.txt`` in other languages: the same prompts in the same order, so a day has
the same prompt in every language)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import NamedTuple

from rutjournal.core.i18n import N_, _, in_language, language

# TRANSLATORS: the names of the four steps out of a rut (and of plain reflection), shown above a prompt.
STEP_NAMES = {
    "challenge": N_("Find new challenges"),
    "load": N_("Lighten your load"),
    "guidance": N_("Ask for guidance"),
    "crossroads": N_("Know when to leave"),
    "journal": N_("Reflect"),
}


class Prompt(NamedTuple):  # not a dataclass: the window's start would import dataclasses for it alone
    step: str
    text: str

    @property
    def step_name(self) -> str:
        name = STEP_NAMES.get(self.step)
        return _(name) if name is not None else self.step.title()


def all_prompts() -> tuple[Prompt, ...]:
    """Every prompt, in the language in use."""
    return _prompts(language())


@cache
def _prompts(spoken: str) -> tuple[Prompt, ...]:
    prompts = []
    for line in in_language("prompts.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        step, _bar, text = line.partition("|")
        prompts.append(Prompt(step.strip(), text.strip()))
    return tuple(prompts)


def prompt_for(day: dt.date, turn: int = 0) -> Prompt:
    """The day's prompt; ``turn`` moves on to the next ones when the user asks for another."""
    order = _interleaved(all_prompts())
    return order[(day.toordinal() + turn) % len(order)]


@cache
def _interleaved(prompts: tuple[Prompt, ...]) -> tuple[Prompt, ...]:
    """Round-robin over the steps, so consecutive days come from different steps."""
    by_step: dict[str, list[Prompt]] = {}
    for prompt in prompts:
        by_step.setdefault(prompt.step, []).append(prompt)
    rounds = max(len(group) for group in by_step.values())
    return tuple(group[i] for i in range(rounds) for group in by_step.values() if i < len(group))
