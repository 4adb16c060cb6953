-- Local accounts. One role per account: the three administrator roles are mutually exclusive and
-- business users (role USER) always belong to an organisation.
CREATE TABLE user_account (
    id                  UUID         NOT NULL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    display_name        VARCHAR(100) NOT NULL,
    role                VARCHAR(20)  NOT NULL,
    organization_id     UUID         REFERENCES organization (id),
    password_hash       VARCHAR(255) NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    failed_attempts     INTEGER      NOT NULL DEFAULT 0,
    locked_until        TIMESTAMP WITH TIME ZONE,
    totp_secret         VARCHAR(64),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    demo                BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uq_user_account_username UNIQUE (username),
    CONSTRAINT ck_user_account_role CHECK (role IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')),
    CONSTRAINT ck_user_account_org CHECK ((role = 'USER' AND organization_id IS NOT NULL)
                                       OR (role <> 'USER' AND organization_id IS NULL))
);

CREATE TABLE password_history (
    user_id       UUID         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    password_hash VARCHAR(255) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_password_history_user ON password_history (user_id, changed_at);

-- One-time tokens for creating the first administrator (hash only; the token itself is printed once).
CREATE TABLE setup_token (
    token_hash  VARCHAR(128) NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
