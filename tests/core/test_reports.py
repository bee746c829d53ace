"""The promotion case and the 1:1 brief as Markdown, on a journal seeded through the services, on a fixed clock."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.reports import brief_markdown, md_block, md_inline, promotion_case_markdown
from rutjournal.core.storage.db import Database
from rutjournal.core.values import Scores

TODAY = dt.date(2026, 5, 20)  # a Wednesday


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def seed_grow(db: Database) -> dict[str, int]:
    """A target with three gaps (one more than half closed, one with no goals), goals, evidence, challenges."""
    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Senior Analyst", dt.date(2027, 9, 1))
    sql = grow.add_gap("SQL modelling", "skill", "I design the tables others build on")
    lead = grow.add_gap("Leading a project", "experience")
    grow.add_gap("Visibility with directors", "visibility")
    course = grow.add_goal("Finish the course", sql, ago(-30), started_on=ago(60))
    for title in ("Module one", "Module two", "Module three"):
        grow.add_milestone(course, title)
    grow.set_milestone_done(1, on=ago(40))
    grow.set_milestone_done(2, on=ago(10))
    reviews = grow.add_goal("Review two schemas", sql, started_on=ago(50))
    grow.update_goal(reviews, status="done")
    migration = grow.add_goal("Lead the billing migration", lead, ago(5), started_on=ago(90))
    grow.update_goal(migration, manual_percent=20)
    grow.add_goal("Old idea", lead, status="dropped")
    grow.add_evidence("Shipped the sales warehouse", ago(3), "project_shipped", "Nightly load 4x faster", sql)
    grow.add_evidence("Reviewed the events schema", ago(45), "collaboration_mentoring", gap_id=sql)
    grow.add_evidence("Ran the migration kick-off", ago(20), "beyond_role", goal_id=migration)
    grow.add_evidence("Mentored Sam on dbt", ago(70), "collaboration_mentoring", "Sam ships alone")
    grow.add_challenge("Lead the billing migration", "Dana", ago(100), "yes")
    grow.add_challenge("Present to the directors", "Dana", ago(30), "later")
    grow.add_challenge("Join the pricing group", "Priya", ago(8))
    return {"sql": sql, "lead": lead, "migration": migration}


def seed_guidance(db: Database) -> dict[str, int]:
    guidance = Guidance(db, today=lambda: TODAY)
    held = guidance.add_conversation(ago(28), "Dana", "boss", held=True, agenda="- Old agenda")
    later = guidance.add_conversation(ago(-20), "Lee", "skip_level", agenda="- Skip-level questions")
    planned = guidance.add_conversation(
        ago(-6), "Dana", "boss", agenda="- Can I own the Q3 plan?\n- Course budget"
    )
    guidance.add_followup(held, "Send the course invoice", "me", ago(2))
    guidance.add_followup(held, "Confirm the course budget", "them", ago(9))
    guidance.add_followup(held, "Introduce me to Priya", "them", ago(-10))
    done = guidance.add_followup(held, "Book the training room", "me")
    guidance.set_followup_done(done, on=ago(20))
    return {"held": held, "later": later, "planned": planned}


def seed_journal(db: Database) -> None:
    journal = Journal(db)
    journal.save(ago(1), "Long day.", Scores(mood=2, hours=10.0, load=5), [])
    journal.save(ago(2), "Fine.", Scores(mood=3, hours=8.0, load=4), [])
    journal.save(ago(5), "Good one.", Scores(mood=4, hours=9.0, load=3), [])
    journal.save(ago(29), "First day of the window.", Scores(mood=3, hours=8.5, load=4), [])
    journal.save(ago(30), "Outside the window.", Scores(mood=1, hours=14.0, load=1), [])


def headings_have_content(markdown: str) -> None:
    """Every heading is followed by something before the next heading of the same or a higher level."""
    lines = markdown.splitlines()
    heads = [(i, len(m.group(1))) for i, line in enumerate(lines) if (m := re.match(r"^(#{1,6}) ", line))]
    for n, (index, level) in enumerate(heads):
        end = len(lines)
        for later, later_level in heads[n + 1 :]:
            if later_level <= level:
                end = later
                break
        body = [line for line in lines[index + 1 : end] if line.strip()]
        assert body, f"empty section: {lines[index]!r}"


def section(markdown: str, heading: str) -> str:
    """The text of one section (up to the next heading of the same or a higher level)."""
    level = len(heading) - len(heading.lstrip("#"))
    start = markdown.index(heading + "\n")
    rest = markdown[start + len(heading) + 1 :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


# -- the promotion case -----------------------------------------------------------------------------------------
def test_promotion_case_has_the_target_and_a_summary_in_words(db: Database) -> None:
    seed_grow(db)
    case = promotion_case_markdown(db, today=TODAY)
    assert case.startswith("# Promotion case: Senior Analyst\n")
    assert "Target date: Wed 1 Sep 2027 · prepared on Wednesday 20 May 2026" in case
    summary = section(case, "## Summary")
    # SQL: (2/3 + 1) / 2 = 83 %; leading: 20 % (the dropped goal left out); visibility: no goals, 0 %
    assert "1 of 3 gaps is more than half closed" in summary
    assert (
        "overall 34 %: the mean of 3 gaps; “Visibility with directors” has no goal yet and counts as 0 %"
        in summary
    )
    assert "4 pieces of evidence since March 2026" in summary
    assert "3 challenges asked for, 1 granted" in summary
    assert "Of the 3 goals set to close them, 1 is done and 1 is overdue." in summary
    headings_have_content(case)


def test_promotion_case_sections_per_gap_with_goals_and_evidence(db: Database) -> None:
    seed_grow(db)
    case = promotion_case_markdown(db, today=TODAY)
    assert "| SQL modelling | Skill | 1 of 2 done | 83 % |" in case
    assert "| Visibility with directors | Visibility | none yet | 0 % (no goal yet) |" in case

    sql = section(case, "### SQL modelling")
    assert "*Skill gap · 83 % closed*" in sql
    assert "**What good looks like:** I design the tables others build on" in sql
    assert "- Finish the course — active, 67 % done (2 of 3 milestones), due Fri 19 Jun 2026, on track" in sql
    assert "    - Module one — done Fri 10 Apr 2026" in sql
    assert "    - Module three — to do" in sql
    assert "- Review two schemas — done, no due date" in sql
    assert (
        "- **Sun 17 May 2026** · *Project shipped* — Shipped the sales warehouse. Result: Nightly load 4x faster."
        in sql
    )
    assert "Reviewed the events schema" in sql
    assert sql.index("Sun 17 May 2026") < sql.index("Sun 5 Apr 2026")  # the most recent first
    assert "Ran the migration kick-off" not in sql

    lead = section(case, "### Leading a project")
    assert (
        "- Lead the billing migration — active, 20 % done, **overdue** by 5 days, due Fri 15 May 2026" in lead
    )
    assert "- Old idea — dropped, not counted, no due date" in lead
    assert "Ran the migration kick-off" in lead  # linked through its goal

    visibility = section(case, "### Visibility with directors")
    assert "no goal that counts yet, so it counts as 0 % toward the target" in visibility
    assert "No goals set for this gap yet." in visibility
    assert "No evidence logged for this gap yet." in visibility

    other = section(case, "## Other accomplishments")
    assert "Mentored Sam on dbt. Result: Sam ships alone." in other
    assert "Shipped the sales warehouse" not in other


def test_promotion_case_lists_the_challenges_with_their_answers(db: Database) -> None:
    seed_grow(db)
    challenges = section(promotion_case_markdown(db, today=TODAY), "## Challenges taken on")
    assert "asked for 3 times: 1 granted, 1 put off until later, 1 no answer yet" in challenges
    assert "- **Mon 9 Feb 2026** — Lead the billing migration. Asked of Dana; granted." in challenges
    assert "- **Tue 12 May 2026** — Join the pricing group. Asked of Priya; no answer yet." in challenges
    assert challenges.index("Tue 12 May 2026") < challenges.index("Mon 9 Feb 2026")


def test_promotion_case_without_a_target_says_so_and_keeps_the_proof(db: Database) -> None:
    case = promotion_case_markdown(db, today=TODAY)
    assert case.startswith("# Promotion case\n")
    assert "No target role has been named yet" in case
    assert "No requests for more responsibility have been logged yet." in case
    assert "## Accomplishments" not in case and "## Summary" not in case
    headings_have_content(case)

    grow = Grow(db, today=lambda: TODAY)
    grow.add_evidence("Wrote the onboarding guide", ago(3), "writing_design")
    case = promotion_case_markdown(db, today=TODAY)
    assert "Wrote the onboarding guide" in section(case, "## Accomplishments")
    headings_have_content(case)


def test_promotion_case_with_a_target_and_nothing_else(db: Database) -> None:
    Grow(db, today=lambda: TODAY).set_target("Team Lead")
    case = promotion_case_markdown(db, today=TODAY)
    assert "No target date set · prepared on Wednesday 20 May 2026" in case
    summary = section(case, "## Summary")
    assert "Working toward Team Lead." in summary
    assert "No gaps between today and the role have been named yet" in summary
    assert "no evidence logged yet; no challenges asked for yet." in summary
    assert "No gaps have been named yet" in section(case, "## Gaps")
    assert "|" not in case  # no table without gaps
    headings_have_content(case)


def test_user_text_cannot_break_the_structure(db: Database) -> None:
    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Lead *data* <team>")
    gap = grow.add_gap("C# and [links]", "skill", "line one\n# not a heading\nline three")
    grow.add_evidence("Fixed `the` bug_report | twice\n\n## twice", ago(1), gap_id=gap)
    case = promotion_case_markdown(db, today=TODAY)
    assert case.startswith("# Promotion case: Lead \\*data\\* \\<team\\>\n")
    assert "### C# and \\[links\\]" in case  # a '#' inside a word is no heading
    assert "line one \\# not a heading line three" in case
    assert "Fixed \\`the\\` bug\\_report \\| twice \\## twice." in case
    assert [line for line in case.splitlines() if line.startswith("#")] == [
        "# Promotion case: Lead \\*data\\* \\<team\\>",
        "## Summary",
        "## Gaps, goals and evidence",
        "### C# and \\[links\\]",
        "## Challenges taken on",
    ]


def test_md_inline_and_md_block() -> None:
    assert md_inline("  a\n b  ") == "a b"
    assert md_inline("R&D &amp; co") == "R&D \\&amp; co"
    assert md_inline("#1 and # two, C#") == "\\#1 and \\# two, C#"
    assert md_block("# Big\nSome text\n===\n- item <b>\n### small ###") == (
        "**Big**\nSome text\n\n- item \\<b>\n**small**"
    )


# -- the 1:1 brief ----------------------------------------------------------------------------------------------
def test_brief_defaults_to_the_next_planned_conversation(db: Database) -> None:
    seed_grow(db)
    ids = seed_guidance(db)
    brief = brief_markdown(db, today=TODAY)
    assert brief.startswith("# 1:1 brief: Dana\n")
    assert "With Dana (Boss) · Tuesday 26 May 2026 · planned, in 6 days" in brief
    assert "- Can I own the Q3 plan?\n- Course budget" in section(brief, "## Agenda")
    assert (
        "Working toward **Senior Analyst** by Wed 1 Sep 2027: 34 % of the way there (the mean of 3 gaps; "
        "“Visibility with directors” has no goal yet and counts as 0 %)" in brief
    )
    chosen = brief_markdown(db, ids["held"], today=TODAY)
    assert "With Dana (Boss) · Wednesday 22 April 2026 · held" in chosen
    assert "- Old agenda" in chosen
    skip = brief_markdown(db, ids["later"], today=TODAY)
    assert skip.startswith("# 1:1 brief: Lee\n") and "(Skip-level)" in skip
    headings_have_content(brief)


def test_brief_falls_back_to_the_most_recent_conversation(db: Database) -> None:
    guidance = Guidance(db, today=lambda: TODAY)
    guidance.add_conversation(ago(40), "Ana", "hr", held=True, agenda="- Old")
    guidance.add_conversation(ago(3), "Dana", "boss", agenda="")  # planned but past: still the latest
    brief = brief_markdown(db, today=TODAY)
    assert "With Dana (Boss) · Sunday 17 May 2026 · planned, not marked as held" in brief
    assert "No agenda has been written for this conversation." in section(brief, "## Agenda")


def test_brief_lists_open_followups_with_who_owes_them(db: Database) -> None:
    seed_guidance(db)
    followups = section(brief_markdown(db, today=TODAY), "## Open follow-ups")
    assert "3 follow-ups open (1 mine, 2 theirs), 2 overdue." in followups
    lines = [line for line in followups.splitlines() if line.startswith("- ")]
    assert lines == [
        "- Confirm the course budget. Owed by Dana; **overdue**, due Mon 11 May 2026.",
        "- Send the course invoice. Owed by me; **overdue**, due Mon 18 May 2026.",
        "- Introduce me to Priya. Owed by Dana; due Sat 30 May 2026.",
    ]
    assert "Book the training room" not in followups


def test_brief_recent_evidence_and_last_30_days(db: Database) -> None:
    seed_grow(db)
    seed_guidance(db)
    seed_journal(db)
    Load(db).add("Status meeting", kind="meeting", minutes_per_week=90, in_jd="partly")
    Load(db).add("Analysis", minutes_per_week=1200, in_jd="yes")
    brief = brief_markdown(db, today=TODAY)

    evidence = section(brief, "## Evidence of the last 30 days")
    assert "Tue 21 Apr 2026 – Wed 20 May 2026, most recent first:" in evidence
    assert (
        "- **Sun 17 May 2026** — Shipped the sales warehouse. Result: Nightly load 4x faster. Gap: SQL modelling."
        in evidence
    )
    assert "Ran the migration kick-off. Gap: Leading a project." in evidence
    assert "Reviewed the events schema" not in evidence  # 45 days ago
    assert "Mentored Sam" not in evidence

    days = section(brief, "## Last 30 days")
    assert "From the journal, Tue 21 Apr 2026 – Wed 20 May 2026:" in days
    assert "- **Mood:** 3 of 5 on average over 4 written days." in days  # (2 + 3 + 4 + 3) / 4
    assert "- **Hours worked:** 8.9 h a day on average over 4 written days." in days  # 35.5 / 4
    assert "- **Perceived load:** 4 of 5 on average (1 light, 5 crushing) over 4 written days." in days
    assert "- **Task inventory:** 21.5 h/week on the plate, 93 % of it core work; none freed yet." in days
    headings_have_content(brief)


def test_brief_of_a_past_conversation_looks_at_the_30_days_before_it(db: Database) -> None:
    ids = seed_guidance(db)
    seed_journal(db)
    brief = brief_markdown(db, ids["held"], today=TODAY)
    days = section(brief, "## Last 30 days")
    assert "From the journal, Tue 24 Mar 2026 – Wed 22 Apr 2026:" in days
    assert "- **Mood:** 2 of 5 on average over 2 written days." in days  # 21 and 20 April only


def test_brief_says_when_scores_are_missing_on_some_days(db: Database) -> None:
    journal = Journal(db)
    journal.save(ago(1), "Text only.", Scores(), [])
    journal.save(ago(2), "A mood.", Scores(mood=4), [])
    journal.save(ago(3), "Another.", Scores(mood=2, hours=7.5), [])
    days = section(brief_markdown(db, today=TODAY), "## Last 30 days")
    assert "- **Mood:** 3 of 5 on average over 2 of 3 written days." in days
    assert "- **Hours worked:** 7.5 h a day on average over 1 of 3 written days." in days
    assert "- **Perceived load:** not recorded on any of the written days." in days
    assert "Task inventory" not in days


def test_brief_on_an_empty_journal(db: Database) -> None:
    brief = brief_markdown(db, today=TODAY)
    assert brief.startswith("# 1:1 brief\n")
    assert "No conversation is planned or recorded yet" in brief
    assert "- Which options could help me grow here" in section(brief, "## Suggested agenda")
    assert "No follow-ups are open." in brief
    assert "No evidence was logged in these 30 days (Tue 21 Apr 2026 – Wed 20 May 2026)." in brief
    assert "- **Journal:** nothing written in these 30 days, so no mood or workload to show." in brief
    assert "Working toward" not in brief
    headings_have_content(brief)


def test_brief_of_an_unknown_conversation_is_refused(db: Database) -> None:
    with pytest.raises(InvalidInput, match="conversation"):
        brief_markdown(db, 42, today=TODAY)


def test_a_stored_agenda_cannot_outrank_the_brief(db: Database) -> None:
    Guidance(db, today=lambda: TODAY).add_conversation(
        ago(-1), "Dana", "boss", agenda="# Big heading\n\nText <script>\n\n## Another"
    )
    agenda = section(brief_markdown(db, today=TODAY), "## Agenda")
    assert agenda.strip() == "**Big heading**\n\nText \\<script>\n\n**Another**"


def test_a_gap_without_a_goal_counts_as_zero_in_the_case_and_no_count_disagrees(db: Database) -> None:
    """The first month: one gap under way (a third done), one named and not yet planned."""
    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Senior Analyst")
    sql = grow.add_gap("SQL", "skill")
    course = grow.add_goal("Course", sql, started_on=ago(10))
    for title in ("One", "Two", "Three"):
        grow.add_milestone(course, title)
    grow.set_milestone_done(1, on=ago(2))
    grow.add_gap("Stakeholder visibility", "visibility")
    grow.add_evidence("Shipped the model", ago(1), gap_id=sql)
    case = promotion_case_markdown(db, today=TODAY)
    summary = section(case, "## Summary")
    assert (
        "(overall 17 %: the mean of 2 gaps; “Stakeholder visibility” has no goal yet and counts as 0 %)"
        in summary
    )
    assert "| Stakeholder visibility | Visibility | none yet | 0 % (no goal yet) |" in case
    assert "1 piece of evidence since May 2026" in summary
    brief = brief_markdown(db, today=TODAY)
    assert "17 % of the way there (the mean of 2 gaps; “Stakeholder visibility” has no goal yet" in brief
    for report in (case, brief):
        assert not re.search(r"\b1 (gaps|goals|pieces|challenges|times|days|follow-ups)\b", report)
        assert not re.search(r"\d%", report)  # a share is written "33 %"
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", report)  # no machine dates for a person to read


def test_every_date_in_the_reports_is_written_one_way(db: Database) -> None:
    seed_grow(db)
    seed_guidance(db)
    seed_journal(db)
    days = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"
    headings = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}"
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    for report in (promotion_case_markdown(db, today=TODAY), brief_markdown(db, today=TODAY)):
        plain = re.sub(headings, "", re.sub(days, "", report))  # what is left is written some other way
        assert not re.search(rf"\b\d{{1,2}} ({months})\b", plain), plain
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", plain)
