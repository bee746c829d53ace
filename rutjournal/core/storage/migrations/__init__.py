"""Alembic revisions that build the schema. ``HEAD_REVISION`` lets a start-up skip Alembic entirely when the
file is already current; a test checks it matches the scripts."""

HEAD_REVISION = "0007"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
