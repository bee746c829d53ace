"""`rutjournal report promotion-case|brief --out FILE.(md|pdf)` as a user runs them: the file is written, a PDF
opens and holds the evidence; a bad --out or an unknown conversation exits 2 and writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores
from tests.rut import heavy_imports, rut

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def seeded(data_dir: Path) -> dict[str, int]:
    """A target with two gaps, a goal with milestones, evidence, a challenge, two conversations, entries."""
    db = open_database(data_dir / "journal.sqlite3")
    try:
        grow = Grow(db)
        grow.set_target("Senior Analyst", dt.date(TODAY.year + 1, 9, 1))
        sql = grow.add_gap("SQL modelling", "skill", "I design the tables")
        grow.add_gap("Visibility", "visibility")
        goal = grow.add_goal("Finish the course", sql, ago(-30), started_on=ago(30))
        grow.add_milestone(goal, "Module one")
        grow.add_milestone(goal, "Module two")
        grow.set_milestone_done(1, on=ago(5))
        grow.add_evidence(
            "Shipped the warehouse redesign", ago(3), result="Nightly load 4x faster", gap_id=sql
        )
        grow.add_evidence("Mentored Sam on dbt", ago(60), "collaboration_mentoring")
        grow.add_challenge("Lead the billing migration", "Dana", ago(20), "yes")
        guidance = Guidance(db)
        held = guidance.add_conversation(ago(14), "Dana", "boss", held=True, agenda="- Course budget")
        planned = guidance.add_conversation(ago(-7), "Dana", "boss", agenda="- Can I own the Q3 plan?")
        guidance.add_followup(held, "Confirm the course budget", "them", ago(2))
        Journal(db).save(ago(1), "Long day.", Scores(mood=2, hours=10.0, load=5), [])
    finally:
        db.close()
    return {"held": held, "planned": planned}


def pdf_text(path: Path) -> tuple[int, str, str | None]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    title = reader.metadata.title if reader.metadata else None
    return len(reader.pages), " ".join(text.split()), title


def test_promotion_case_as_markdown(seeded: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "case.md"
    done = rut("report", "promotion-case", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{out.resolve()}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Promotion case: Senior Analyst\n")
    assert "Shipped the warehouse redesign. Result: Nightly load 4x faster." in text
    assert "## Challenges taken on" in text


# The PDF writer makes a Qt application if there is none, for the life of the process; here it must be
# pytest-qt's, which the window tests share.
@pytest.mark.usefixtures("qapp")
def test_promotion_case_as_pdf_opens_and_holds_the_evidence(seeded: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    done = rut("report", "promotion-case", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{out.resolve()}\n"
    assert out.read_bytes().startswith(b"%PDF")
    pages, text, title = pdf_text(out)
    assert pages >= 1
    assert "Promotion case: Senior Analyst" in text
    assert "overall 25 %: the mean of 2 gaps; “Visibility” has no goal yet and counts as 0 %" in text
    assert "| Visibility | Visibility | none yet | 0 % (no goal yet) |" not in text  # a table, not Markdown
    assert "1 gaps" not in text
    assert "Shipped the warehouse redesign" in text
    assert "Mentored Sam on dbt" in text
    assert "Lead the billing migration" in text
    assert f"Page 1 of {pages}" in text
    assert title == "Promotion case: Senior Analyst"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


@pytest.mark.usefixtures("qapp")
def test_brief_as_pdf_and_markdown(seeded: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "brief.PDF"
    done = rut("report", "brief", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    pages, text, title = pdf_text(out)
    assert pages >= 1 and title == "1:1 brief: Dana"
    assert "Can I own the Q3 plan?" in text  # the next planned conversation
    assert "Confirm the course budget" in text
    assert "Shipped the warehouse redesign" in text
    assert "Mood: 2 of 5 on average over 1 written day." in text
    assert (
        "25 % of the way there (the mean of 2 gaps; “Visibility” has no goal yet and counts as 0 %)" in text
    )

    held = tmp_path / "held.md"
    done = rut("report", "brief", "--out", str(held), "--conversation", str(seeded["held"]))
    assert done.returncode == 0, done.stderr
    markdown = held.read_text(encoding="utf-8")
    assert "- Course budget" in markdown and "· held" in markdown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("promotion-case", "--out", "{tmp}/case.txt"), "--out: must be a file name ending in .md or .pdf"),
        (("brief", "--out", "{tmp}/brief"), "--out: must be a file name ending in .md or .pdf"),
        (("brief", "--out", "{tmp}/missing/brief.md"), "--out: must be a file in an existing folder"),
        (
            ("brief", "--out", "{tmp}/brief.md", "--conversation", "x"),
            "--conversation: must be a whole number",
        ),
        (("brief", "--out", "{tmp}/brief.pdf", "--conversation", "99"), "--conversation: must be the id of"),
    ],
)
def test_bad_values_exit_2_and_write_nothing(
    seeded: dict[str, int], tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = rut("report", *(a.replace("{tmp}", str(out)) for a in args))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert list(out.iterdir()) == []


def test_out_is_required() -> None:
    done = rut("report", "brief")
    assert done.returncode == 2 and "--out" in done.stderr


@pytest.mark.usefixtures("qapp")
def test_reports_on_an_empty_journal(data_dir: Path, tmp_path: Path) -> None:
    case, brief = tmp_path / "case.md", tmp_path / "brief.pdf"
    assert rut("report", "promotion-case", "--out", str(case)).returncode == 0
    assert "No target role has been named yet" in case.read_text(encoding="utf-8")
    done = rut("report", "brief", "--out", str(brief))
    assert done.returncode == 0, done.stderr
    _, text, _ = pdf_text(brief)
    assert "No conversation is planned or recorded yet" in text


def test_markdown_reports_import_no_orm_and_no_qt(seeded: dict[str, int], tmp_path: Path) -> None:
    found = heavy_imports(
        *(["report", name, "--out", str(tmp_path / f"{name}.md")] for name in ("promotion-case", "brief"))
    )
    assert found == [[0], [0]]
