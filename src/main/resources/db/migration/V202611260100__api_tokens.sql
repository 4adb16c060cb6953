-- API tokens for automation (issue 15): per user, scoped, expiring, revocable. The secret is never stored: only
-- the SHA-256 of the whole token. lookup_id is the token's public part, so verifying a token is one indexed read.
CREATE TABLE api_token (
    id           UUID          NOT NULL PRIMARY KEY,
    lookup_id    VARCHAR(32)   NOT NULL,
    user_id      UUID          NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    name         VARCHAR(100)  NOT NULL,
    scope        VARCHAR(20)   NOT NULL,
    secret_hash  VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(200),
    CONSTRAINT uq_api_token_lookup UNIQUE (lookup_id),
    CONSTRAINT ck_api_token_scope CHECK (scope IN ('READ_ONLY', 'READ_WRITE'))
);
CREATE INDEX ix_api_token_user ON api_token (user_id, created_at);
