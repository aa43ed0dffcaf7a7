-- Plug Innan grain storage, SQLite. Which numbered scripts have been applied.
-- The silo runs these scripts itself at start-up; they are idempotent and may also be run by hand.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER NOT NULL PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
