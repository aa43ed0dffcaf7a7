-- The API's own records, beside the grain state.
-- api_request: the first answer to each client-chosen request id, so a resend returns it instead of
-- acting again. request_hash tells a resend from another request reusing the id. The silo's nightly
-- request-log cleanup job deletes rows older than 30 days.
CREATE TABLE IF NOT EXISTS api_request (
    service_id   TEXT NOT NULL,
    client       TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    method       TEXT NOT NULL,
    request_hash BLOB NOT NULL,
    response     BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (service_id, client, request_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS api_request_created_at ON api_request (created_at);

-- audit_log: every read of student data and every refused call: who (the API client), what (method,
-- pseudonymous student ids, school unit), when, from where, and the outcome. Never a civic number.
CREATE TABLE IF NOT EXISTS audit_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id       TEXT NOT NULL,
    at               TEXT NOT NULL,
    client           TEXT NOT NULL,
    peer             TEXT NOT NULL,
    method           TEXT NOT NULL,
    outcome          TEXT NOT NULL,
    school_unit_code TEXT NULL,
    students         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (service_id, at);

INSERT INTO schema_migrations (version, description) VALUES (2, 'api_request, audit_log')
ON CONFLICT (version) DO NOTHING;
