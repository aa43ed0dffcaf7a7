-- Orleans cluster membership, PostgreSQL: the tables, two functions and the queries Orleans' ADO.NET
-- clustering (Microsoft.Orleans.Clustering.AdoNet) reads from orleansquery at start. Silos that share
-- this database and a cluster id (DeploymentId below) form one cluster.
--
-- The provider's contract, as Orleans documents it:
--   parameters  DeploymentId, Address, Port, Generation, SiloName, HostName, Status (SiloStatus as a
--               number: 3 = Active, 6 = Dead), ProxyPort, StartTime, IAmAliveTime (UTC), SuspectTimes,
--               Version (the table version the silo read)
--   read rows   Version, then the member's columns; one row with only Version when there is no member
--   insert, update and version insert return a single boolean: did it take effect
-- Every change to a member bumps the one version row of the cluster, guarded by the version the silo
-- read, which is how Orleans keeps membership changes in order.
CREATE TABLE IF NOT EXISTS orleansmembershipversiontable (
    deploymentid text        NOT NULL PRIMARY KEY,
    "timestamp"  timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable (
    deploymentid text        NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    status       integer     NOT NULL,
    proxyport    integer     NULL,
    suspecttimes text        NULL,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    CONSTRAINT orleansmembershiptable_pkey PRIMARY KEY (deploymentid, address, port, generation)
);

CREATE OR REPLACE FUNCTION orleans_insert_member(
    _deploymentid text, _address text, _port integer, _generation integer, _siloname text, _hostname text,
    _status integer, _proxyport integer, _starttime timestamptz, _iamalivetime timestamptz, _version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    -- Lock the version row as read; a concurrent change that bumped it makes this one lose.
    PERFORM 1 FROM orleansmembershipversiontable
    WHERE deploymentid = _deploymentid AND version = _version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status,
                                        proxyport, starttime, iamalivetime)
    VALUES (_deploymentid, _address, _port, _generation, _siloname, _hostname, _status, _proxyport,
            _starttime, _iamalivetime)
    ON CONFLICT ON CONSTRAINT orleansmembershiptable_pkey DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE orleansmembershipversiontable SET version = version + 1, "timestamp" = now()
    WHERE deploymentid = _deploymentid;
    RETURN true;
END;
$$;

CREATE OR REPLACE FUNCTION orleans_update_member(
    _deploymentid text, _address text, _port integer, _generation integer, _status integer,
    _suspecttimes text, _iamalivetime timestamptz, _version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
    WHERE deploymentid = _deploymentid AND version = _version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE orleansmembershiptable
    SET status = _status, suspecttimes = _suspecttimes, iamalivetime = _iamalivetime
    WHERE deploymentid = _deploymentid AND address = _address AND port = _port AND generation = _generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE orleansmembershipversiontable SET version = version + 1, "timestamp" = now()
    WHERE deploymentid = _deploymentid;
    RETURN true;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (CAST(@DeploymentId AS text))
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted);')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', '
SELECT orleans_insert_member(
    CAST(@DeploymentId AS text), CAST(@Address AS text), CAST(@Port AS integer), CAST(@Generation AS integer),
    CAST(@SiloName AS text), CAST(@HostName AS text), CAST(@Status AS integer), CAST(@ProxyPort AS integer),
    CAST(@StartTime AS timestamptz), CAST(@IAmAliveTime AS timestamptz), CAST(@Version AS integer));')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', '
SELECT orleans_update_member(
    CAST(@DeploymentId AS text), CAST(@Address AS text), CAST(@Port AS integer), CAST(@Generation AS integer),
    CAST(@Status AS integer), CAST(@SuspectTimes AS text), CAST(@IAmAliveTime AS timestamptz), CAST(@Version AS integer));')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- A heartbeat does not change the membership version.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE orleansmembershiptable SET iamalivetime = CAST(@IAmAliveTime AS timestamptz)
WHERE deploymentid = CAST(@DeploymentId AS text) AND address = CAST(@Address AS text)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer);')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', '
SELECT v.version AS "Version", m.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status",
       m.proxyport AS "ProxyPort", m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime",
       m.iamalivetime AS "IAmAliveTime"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m
  ON m.deploymentid = v.deploymentid AND m.address = CAST(@Address AS text)
 AND m.port = CAST(@Port AS integer) AND m.generation = CAST(@Generation AS integer)
WHERE v.deploymentid = CAST(@DeploymentId AS text);')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', '
SELECT v.version AS "Version", m.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status",
       m.proxyport AS "ProxyPort", m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime",
       m.iamalivetime AS "IAmAliveTime"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = CAST(@DeploymentId AS text);')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM orleansmembershiptable WHERE deploymentid = CAST(@DeploymentId AS text);
DELETE FROM orleansmembershipversiontable WHERE deploymentid = CAST(@DeploymentId AS text);')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', '
SELECT address AS "Address", proxyport AS "ProxyPort", generation AS "Generation"
FROM orleansmembershiptable
WHERE deploymentid = CAST(@DeploymentId AS text) AND status = CAST(@Status AS integer) AND proxyport > 0;')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Orleans picks the dead rows old enough to go and deletes each by its key; only a row still marked
-- dead (status 6) is deleted, so a silo that came back is never removed.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM orleansmembershiptable
WHERE deploymentid = CAST(@DeploymentId AS text) AND address = CAST(@Address AS text)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer) AND status = 6;')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- Kept for older callers of the contract: deletes dead rows not heard from since @IAmAliveTime.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleansmembershiptable
WHERE deploymentid = CAST(@DeploymentId AS text) AND status = 6
  AND iamalivetime < CAST(@IAmAliveTime AS timestamptz);')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO schema_migrations (version, description) VALUES (3, 'orleans_membership')
ON CONFLICT (version) DO NOTHING;
