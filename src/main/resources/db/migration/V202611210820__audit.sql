-- Tamper-evident audit log (docs/audit-log.md). Entries form an HMAC-SM3 chain keyed outside the
-- database; SM2-signed anchors pin the chain at intervals. The application role may only SELECT and
-- INSERT audit_event and audit_anchor (granted by the Flyway callback on PostgreSQL).
CREATE TABLE audit_event (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    username        VARCHAR(200)  NOT NULL,
    organization_id UUID,
    source_address  VARCHAR(64),
    action          VARCHAR(100)  NOT NULL,
    object_type     VARCHAR(100),
    object_id       VARCHAR(200),
    outcome         VARCHAR(10)   NOT NULL,
    detail          VARCHAR(2000),
    prev_mac        VARCHAR(64)   NOT NULL,
    mac             VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action);
CREATE INDEX ix_audit_event_username ON audit_event (username);

CREATE TABLE audit_anchor (
    seq        BIGINT       NOT NULL PRIMARY KEY,
    mac        VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    signature  VARCHAR(300) NOT NULL
);

-- One row: the last sequence number and MAC, locked (SELECT ... FOR UPDATE) while appending.
CREATE TABLE audit_head (
    id       INTEGER     NOT NULL PRIMARY KEY,
    last_seq BIGINT      NOT NULL,
    last_mac VARCHAR(64) NOT NULL,
    CONSTRAINT ck_audit_head_single_row CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_mac)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
