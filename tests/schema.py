"""Taking a test cache back to an older schema, to test its migration forward.

One table of what each migration added, newest last: a new migration adds its row here (the
test below fails until it does), and every test that rewinds a cache uses :func:`rewind`.
"""

from __future__ import annotations

import sqlite3

from newsterm.store.db import _COUNT_WRITES, SCHEMA_VERSION

UNDO: dict[int, tuple[str, ...]] = {
    3: ("DROP INDEX articles_by_source_read",),
    4: (
        "DROP INDEX articles_unanalysed",
        "ALTER TABLE articles DROP COLUMN analysed_version",
        "ALTER TABLE articles DROP COLUMN analysis_input",
    ),
    5: ("DROP TABLE sync_queue", "DROP TABLE sync_items", "DROP INDEX articles_by_url"),
    6: ("ALTER TABLE sources DROP COLUMN parse_note",),
    7: ("DROP TABLE count_cache", "DROP TABLE count_generation"),
    8: ("DROP TABLE dropped_articles",),
    9: ("ALTER TABLE sources DROP COLUMN fresh_until",),
    10: (
        "ALTER TABLE sync_items DROP COLUMN seen_read",
        "ALTER TABLE sync_items DROP COLUMN seen_starred",
    ),
    11: (
        *(
            statement
            for name, event in _COUNT_WRITES
            for statement in (
                f"DROP TRIGGER count_generation_{name}",
                f"CREATE TRIGGER count_generation_{name} AFTER {event} "
                "BEGIN UPDATE count_generation SET value = value + 1; END",
            )
        ),
        "ALTER TABLE count_generation DROP COLUMN counted",
    ),
    12: ("DROP INDEX quotes_by_person", "ALTER TABLE quotes DROP COLUMN person"),
    13: ("DROP TABLE sync_html",),
    14: (
        "DROP TRIGGER articles_fts_delete",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); END",
        "DROP TABLE fts_pending",
    ),
}
"""What migration N added, as statements that take it away (its triggers go by name)."""


def rewind(conn: sqlite3.Connection, version: int) -> None:
    """Undo the migrations after ``version`` (newest first) and mark the cache as that version."""
    assert max(UNDO) == SCHEMA_VERSION, "a new migration needs its row in tests/schema.UNDO"
    for number in range(SCHEMA_VERSION, version, -1):
        if number == 7:
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'count_generation_%'"
            ).fetchall():
                conn.execute(f"DROP TRIGGER {name}")
        for statement in UNDO[number]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
