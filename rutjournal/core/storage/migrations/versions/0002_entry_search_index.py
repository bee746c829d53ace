"""Full-text search over entry text and tags (SQLite FTS5), kept in step by triggers.

The index's rowid is the entry id. A later revision that rebuilds ``entries`` or ``entry_tags`` (Alembic batch
mode) drops their triggers with the old table and must create them again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TAGS_OF = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM entry_tags et "
    "JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = {entry})"
)

STATEMENTS = [
    "CREATE VIRTUAL TABLE entry_search USING fts5(body, tags, tokenize = 'unicode61 remove_diacritics 2')",
    """CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
         INSERT INTO entry_search(rowid, body, tags) VALUES (new.id, new.body, {tags});
       END""".format(tags=TAGS_OF.format(entry="new.id")),
    """CREATE TRIGGER entries_search_update AFTER UPDATE OF body ON entries BEGIN
         UPDATE entry_search SET body = new.body WHERE rowid = new.id;
       END""",
    """CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
         DELETE FROM entry_search WHERE rowid = old.id;
       END""",
    """CREATE TRIGGER entry_tags_search_insert AFTER INSERT ON entry_tags BEGIN
         UPDATE entry_search SET tags = {tags} WHERE rowid = new.entry_id;
       END""".format(tags=TAGS_OF.format(entry="new.entry_id")),
    """CREATE TRIGGER entry_tags_search_delete AFTER DELETE ON entry_tags BEGIN
         UPDATE entry_search SET tags = {tags} WHERE rowid = old.entry_id;
       END""".format(tags=TAGS_OF.format(entry="old.entry_id")),
    """CREATE TRIGGER tags_search_rename AFTER UPDATE OF name ON tags BEGIN
         UPDATE entry_search SET tags = {tags}
         WHERE rowid IN (SELECT entry_id FROM entry_tags WHERE tag_id = new.id);
       END""".format(tags=TAGS_OF.format(entry="entry_search.rowid")),
    "INSERT INTO entry_search(rowid, body, tags) SELECT e.id, e.body, {tags} FROM entries e".format(
        tags=TAGS_OF.format(entry="e.id")
    ),
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in (
        "tags_search_rename",
        "entry_tags_search_delete",
        "entry_tags_search_insert",
        "entries_search_delete",
        "entries_search_update",
        "entries_search_insert",
    ):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE entry_search")
