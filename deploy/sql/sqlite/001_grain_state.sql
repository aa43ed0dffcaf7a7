-- Grain state: one row per (service, grain type, grain key, state name).
-- version is the ETag: every write is a conditional update on it, so a stale writer changes nothing.
-- payload is the state as JSON, NULL after a clear (the version keeps counting, so old ETags stay stale).
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  TEXT    NOT NULL,
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    version     INTEGER NOT NULL CHECK (version > 0),
    payload     TEXT    NULL,
    modified_at TEXT    NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
) WITHOUT ROWID;

INSERT INTO schema_migrations (version, description) VALUES (1, 'grain_state')
ON CONFLICT (version) DO NOTHING;
