-- Plug Innan grain storage, PostgreSQL. Which numbered scripts have been applied.
-- The silo runs these scripts itself at start-up (under an advisory lock, so several silos may start
-- together); they are idempotent and may also be run by hand, in order, in one transaction.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     integer     NOT NULL PRIMARY KEY,
    description text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);
