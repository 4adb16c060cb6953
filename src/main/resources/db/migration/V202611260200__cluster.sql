-- Two application nodes on one database (issue 15): HTTP sessions stored in the database (Spring Session JDBC,
-- used when yunjian.sessions.store=database; the schema is Spring Session's own, created here rather than by its
-- initializer), session revocations that every node sees, and leases that let a scheduled job run on one node.

CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL PRIMARY KEY,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INTEGER      NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name)
);

-- Sessions of this account begun at or before revoked_at are ended on their next request, on every node.
CREATE TABLE session_revocation (
    user_id    UUID                     NOT NULL PRIMARY KEY,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A scheduled job runs for an interval on the node that holds its lease (taken with one conditional UPDATE).
CREATE TABLE job_lease (
    name        VARCHAR(100)             NOT NULL PRIMARY KEY,
    owner_node  VARCHAR(200)             NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
