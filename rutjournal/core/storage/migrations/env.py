"""Alembic environment: always run programmatically on a connection the app hands in (see core.migrate)."""

from alembic import context

from rutjournal.core.storage import schema

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("rutjournal runs its migrations itself; open the journal with the app or the CLI")

context.configure(
    connection=connection,
    target_metadata=schema.metadata,
    include_name=schema.include_name,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
