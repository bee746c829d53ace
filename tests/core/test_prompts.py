"""Daily writing prompts: read from resources/prompts.txt, one a day, the steps taking turns."""

from __future__ import annotations

import datetime as dt

from rutjournal.core.journal.prompts import STEP_NAMES, Prompt, all_prompts, prompt_for
from rutjournal.core.resources import resource_path

START = dt.date(2026, 1, 1)


def test_prompts_load_from_the_resource_file() -> None:
    prompts = all_prompts()
    lines = [
        line
        for line in resource_path("prompts.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert len(prompts) == len(lines) >= 10
    assert all(isinstance(p, Prompt) for p in prompts)
    assert all(p.text and "|" not in p.text and p.text == p.text.strip() for p in prompts)
    assert len({p.text for p in prompts}) == len(prompts)
    assert not any(p.text.startswith("#") for p in prompts)


def test_every_step_is_known_and_present() -> None:
    steps = {p.step for p in all_prompts()}
    assert steps == set(STEP_NAMES)
    for prompt in all_prompts():
        assert prompt.step_name == STEP_NAMES[prompt.step]
    assert Prompt("other", "x").step_name == "Other"


def test_consecutive_days_give_different_steps() -> None:
    for offset in range(3 * len(all_prompts()) + 1):
        today = START + dt.timedelta(days=offset)
        assert prompt_for(today).step != prompt_for(today + dt.timedelta(days=1)).step, today


def test_every_prompt_comes_round_and_the_cycle_repeats() -> None:
    count = len(all_prompts())
    cycle = [prompt_for(START + dt.timedelta(days=i)) for i in range(count)]
    assert set(cycle) == set(all_prompts())
    assert prompt_for(START + dt.timedelta(days=count)) == cycle[0]
    assert {p.step for p in cycle} == set(STEP_NAMES)


def test_same_day_same_prompt() -> None:
    assert prompt_for(dt.date(2026, 5, 17)) == prompt_for(dt.date(2026, 5, 17), 0)


def test_turn_moves_on() -> None:
    day = dt.date(2026, 5, 17)
    first, second, third = (prompt_for(day, turn) for turn in range(3))
    assert len({first, second, third}) == 3
    assert first.step != second.step
    assert second == prompt_for(day + dt.timedelta(days=1))
    assert prompt_for(day, len(all_prompts())) == first
