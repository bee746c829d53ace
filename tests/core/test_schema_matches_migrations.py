"""The schema described in ``core/storage/schema.py`` is exactly what the migrations build, CHECKs included.

Alembic's ``compare_metadata`` sees tables, columns, types, nullability, server defaults, keys, indexes and
unique constraints, but not CHECK constraints; those are read out of ``sqlite_master`` and compared as text with
the ones the metadata compiles to. A value added to a list in ``core.choices`` without a migration fails here.
"""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateTable

from rutjournal.core import choices
from rutjournal.core.storage import schema
from rutjournal.core.storage.connect import inspect_file
from rutjournal.core.storage.engine import create_engine_for
from rutjournal.core.storage.migrate import upgrade_to_head

_CHECK = re.compile(r"(?:CONSTRAINT\s+(\"?\w+\"?)\s+)?CHECK\s*\(", re.IGNORECASE)


def _balanced(sql: str, start: int) -> str:
    """The text inside the parenthesis that opens just before ``start``."""
    depth, i = 1, start
    while depth:
        if sql[i] == "'":  # a quoted value may hold a parenthesis
            i = sql.index("'", i + 1)
        elif sql[i] in "()":
            depth += 1 if sql[i] == "(" else -1
        i += 1
    return sql[start : i - 1]


def _normal(text: str) -> str:
    """One way of writing a CHECK: identifiers unquoted, single spaces, none inside parentheses."""
    text = re.sub(r"\s+", " ", text.replace('"', "").replace("`", "")).strip()
    return re.sub(r"\( | \)", lambda m: m.group(0).strip(), text)


def checks_in(create_sql: str) -> set[tuple[str | None, str]]:
    """Every CHECK of a CREATE TABLE statement, as (constraint name or None, normalised text)."""
    found = set()
    for match in _CHECK.finditer(create_sql):
        name = match.group(1).strip('"') if match.group(1) else None
        found.add((name, _normal(_balanced(create_sql, match.end()))))
    return found


def metadata_checks(metadata: MetaData) -> dict[str, set[tuple[str | None, str]]]:
    dialect = sqlite.dialect()  # type: ignore[no-untyped-call]
    return {
        name: checks_in(str(CreateTable(table).compile(dialect=dialect)))
        for name, table in metadata.tables.items()
    }


def file_checks(path: Path) -> dict[str, set[tuple[str | None, str]]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return {name: checks_in(sql) for name, sql in rows if schema.include_name(name, "table", {})}


def _unwrapped(default: str | None) -> str | None:
    """A server default without the parentheses and quotes that reflection keeps and rendering drops."""
    while default and default[0] + default[-1] in ("()", "''") and len(default) > 1:
        default = default[1:-1]
    return default


def _defaults_differ(
    _ctx: Any, _insp: Any, _meta: Any, inspected: str | None, _m: Any, rendered: str | None
) -> bool:
    return _unwrapped(inspected) != _unwrapped(rendered)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An empty file brought to head by the migrations, the way an old journal is upgraded."""
    folder = tmp_path_factory.mktemp("schema")
    path = folder / "journal.sqlite3"
    engine = create_engine_for(path, create=True)
    try:
        upgrade_to_head(engine, inspect_file(path), backup_dir=folder / "backups")
    finally:
        engine.dispose()
    yield path


def differences(path: Path, metadata: MetaData) -> list[Any]:
    engine = create_engine_for(path)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_name": schema.include_name,
                    "compare_type": True,
                    "compare_server_default": _defaults_differ,
                },
            )
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def test_the_migrated_schema_is_the_described_one(migrated: Path) -> None:
    assert differences(migrated, schema.metadata) == []


def test_every_table_of_the_file_is_described(migrated: Path) -> None:
    assert set(file_checks(migrated)) - {"alembic_version"} == set(schema.metadata.tables)


def test_the_check_constraints_are_the_described_ones(migrated: Path) -> None:
    in_file, described = file_checks(migrated), metadata_checks(schema.metadata)
    assert sum(len(checks) for checks in described.values()) == 24  # the parsing found every one
    for table in schema.metadata.tables:
        assert in_file[table] == described[table], table


def schema_with(monkeypatch: pytest.MonkeyPatch, name: str, values: tuple[str, ...]) -> ModuleType:
    """A fresh copy of the schema module built while ``choices.<name>`` holds ``values``."""
    monkeypatch.setattr(choices, name, values)
    spec = importlib.util.spec_from_file_location("schema_copy", schema.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "table"), [("STAGES", "applications"), ("DECISIONS", "task_events")])
def test_a_value_added_without_a_migration_is_caught(
    migrated: Path, monkeypatch: pytest.MonkeyPatch, name: str, table: str
) -> None:
    drifted = schema_with(monkeypatch, name, (*getattr(choices, name), "ghosted"))
    assert differences(migrated, drifted.metadata) == []  # blind to CHECKs: why the comparison below exists
    in_file, described = file_checks(migrated), metadata_checks(drifted.metadata)
    assert in_file[table] != described[table]
    assert any("'ghosted'" in text for _name, text in described[table] - in_file[table])
