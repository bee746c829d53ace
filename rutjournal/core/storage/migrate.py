"""Running the Alembic migrations: all or nothing, with a backup first and foreign keys checked.

SQLite's Python driver does not put DDL inside its implicit transactions, so the engine (see ``db``) issues
BEGIN itself and the whole upgrade runs in one transaction. Foreign keys are switched off for the upgrade
(table rebuilds would otherwise cascade-delete child rows) and checked with ``foreign_key_check`` before
the commit.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from rutjournal.core.errors import MigrationFailed
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger, route_records

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

    from rutjournal.core.storage.connect import FileState

log = logger(__name__)

SCRIPT_LOCATION = str(Path(__file__).with_name("migrations"))


def alembic_config(connection: Connection | None = None, script_location: str = SCRIPT_LOCATION) -> Config:
    route_records()  # Alembic and SQLAlchemy log through logging itself
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", script_location)
    cfg.attributes["connection"] = connection
    return cfg


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API and check the copy opens."""
    from rutjournal.core.storage import cipher

    target.parent.mkdir(parents=True, exist_ok=True)
    key = cipher.key_for(source)  # an encrypted journal's backup is encrypted with the same key
    src = cipher.connect(source, key) if key is not None else sqlite3.connect(source)
    dst = cipher.connect(target, key) if key is not None else sqlite3.connect(target)
    try:
        src.backup(dst)
        verdict = dst.execute("PRAGMA quick_check").fetchone()
        if not verdict or verdict[0] != "ok":
            # TRANSLATORS: {verdict} is what SQLite's check said, in English.
            message = _("the backup {path} did not verify ({verdict}); nothing was changed")
            raise MigrationFailed(source, message.format(path=target, verdict=verdict))
    finally:
        dst.close()
        src.close()
    return target


def upgrade_to_head(
    engine: Engine,
    state: FileState,
    *,
    backup_dir: Path,
    script_location: str = SCRIPT_LOCATION,
) -> Path | None:
    """Bring the file to the newest schema; returns the backup taken first (None for a new file)."""
    from alembic import command

    backup = None
    if state.exists:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"before-upgrade-{state.revision or 'empty'}-{stamp}"
        target = backup_dir / f"{name}.sqlite3"
        n = 1
        while target.exists():  # never over an earlier copy, even one made the same second
            n += 1
            target = backup_dir / f"{name}-{n}.sqlite3"
        backup = backup_file(state.path, target)
        log.info("backed up %s to %s before upgrading it", state.path, backup)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # must be outside a transaction to take effect
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn, script_location), "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    # TRANSLATORS: English writes "links" for one too.
                    message = ngettext(
                        "the upgrade of {path} would break {count} links; nothing changed",
                        "the upgrade of {path} would break {count} links; nothing changed",
                        len(broken),
                    )
                    raise MigrationFailed(state.path, message.format(path=state.path, count=len(broken)))
        except MigrationFailed:
            raise
        except Exception as exc:
            log.exception("upgrade of %s failed; rolled back", state.path)
            message = _("could not upgrade {path} ({error}); the file was left as it was")
            raise MigrationFailed(state.path, message.format(path=state.path, error=exc)) from exc
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    log.info("%s upgraded to the current schema", state.path)
    return backup
