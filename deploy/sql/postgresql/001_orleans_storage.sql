-- Orleans grain storage, PostgreSQL: the table, one function and the three queries Orleans' ADO.NET
-- grain storage (Microsoft.Orleans.Persistence.AdoNet) reads from orleansquery at start.
--
-- The provider's contract, as Orleans documents it:
--   parameters  GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString (the state name),
--               GrainIdExtensionString (NULL when the key has none; stored as ''), ServiceId,
--               GrainStateVersion (NULL for state never written), PayloadBinary
--   read        returns PayloadBinary and Version, no row when nothing is stored
--   write/clear returns one row, NewGrainStateVersion: the new version, or NULL when another writer got
--               there first (Orleans then raises InconsistentStateException)
-- The hash columns are kept for the contract but the primary key is the exact key, so a hash collision
-- cannot mix two grains' state. Parameters are cast because Orleans sends NULLs untyped.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleansstorage (
    serviceid              text        NOT NULL,
    graintypestring        text        NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    grainidextensionstring text        NOT NULL,
    grainidhash            integer     NOT NULL,
    graintypehash          integer     NOT NULL,
    payloadbinary          bytea       NULL,
    modifiedon             timestamptz NOT NULL,
    version                integer     NOT NULL,
    CONSTRAINT orleansstorage_pkey PRIMARY KEY (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
);

-- Writes (or, with a NULL payload, clears) one grain's state if the caller read the version stored:
-- a new row when it saw none, else an update guarded by that version. Returns the new version, or
-- NULL when the guard failed.
CREATE OR REPLACE FUNCTION orleans_write_grain_state(
    _serviceid text, _graintypestring text, _grainidn0 bigint, _grainidn1 bigint, _grainidextensionstring text,
    _grainidhash integer, _graintypehash integer, _grainstateversion integer, _payloadbinary bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    _new integer;
BEGIN
    IF _grainstateversion IS NULL THEN
        INSERT INTO orleansstorage (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
                                    grainidhash, graintypehash, payloadbinary, modifiedon, version)
        VALUES (_serviceid, _graintypestring, _grainidn0, _grainidn1, COALESCE(_grainidextensionstring, ''),
                _grainidhash, _graintypehash, _payloadbinary, now(), 1)
        ON CONFLICT ON CONSTRAINT orleansstorage_pkey DO NOTHING
        RETURNING version INTO _new;
    ELSE
        UPDATE orleansstorage
        SET payloadbinary = _payloadbinary, modifiedon = now(), version = version + 1
        WHERE serviceid = _serviceid AND graintypestring = _graintypestring
          AND grainidn0 = _grainidn0 AND grainidn1 = _grainidn1
          AND grainidextensionstring = COALESCE(_grainidextensionstring, '')
          AND version = _grainstateversion
        RETURNING version INTO _new;
    END IF;
    RETURN _new;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', '
SELECT payloadbinary AS "PayloadBinary", version AS "Version"
FROM orleansstorage
WHERE serviceid = CAST(@ServiceId AS text)
  AND graintypestring = CAST(@GrainTypeString AS text)
  AND grainidn0 = CAST(@GrainIdN0 AS bigint)
  AND grainidn1 = CAST(@GrainIdN1 AS bigint)
  AND grainidextensionstring = COALESCE(CAST(@GrainIdExtensionString AS text), '''');')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', '
SELECT orleans_write_grain_state(
    CAST(@ServiceId AS text), CAST(@GrainTypeString AS text), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
    CAST(@GrainIdExtensionString AS text), CAST(@GrainIdHash AS integer), CAST(@GrainTypeHash AS integer),
    CAST(@GrainStateVersion AS integer), CAST(@PayloadBinary AS bytea)) AS "NewGrainStateVersion";')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', '
SELECT orleans_write_grain_state(
    CAST(@ServiceId AS text), CAST(@GrainTypeString AS text), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
    CAST(@GrainIdExtensionString AS text), CAST(@GrainIdHash AS integer), CAST(@GrainTypeHash AS integer),
    CAST(@GrainStateVersion AS integer), CAST(NULL AS bytea)) AS "NewGrainStateVersion";')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO schema_migrations (version, description) VALUES (1, 'orleans_storage')
ON CONFLICT (version) DO NOTHING;
