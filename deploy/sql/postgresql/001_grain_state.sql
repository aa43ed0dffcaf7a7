-- Grain state: one row per (service, grain type, grain key, state name).
-- version is the ETag: every write is a conditional update on it, so a stale writer changes nothing.
-- payload is the state as JSON, NULL after a clear (the version keeps counting, so old ETags stay stale).
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    payload     jsonb       NULL,
    modified_at timestamptz NOT NULL,
    CONSTRAINT grain_state_pkey PRIMARY KEY (service_id, grain_type, grain_key, state_name)
);

INSERT INTO schema_migrations (version, description) VALUES (1, 'grain_state')
ON CONFLICT (version) DO NOTHING;
