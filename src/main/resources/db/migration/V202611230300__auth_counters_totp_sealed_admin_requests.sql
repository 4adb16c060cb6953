-- issue 10 (authentication): a failure counter of its own for the second factor, so that a correct
-- password never clears wrong TOTP codes; TOTP secrets sealed with SM4-GCM under a key outside the
-- database (the start-up step moves existing base32 secrets out of totp_secret and clears it);
-- administrator accounts and promotions that wait for a second administrator's approval.
ALTER TABLE user_account ADD COLUMN totp_failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_account ADD COLUMN totp_secret_sealed VARCHAR(255);
ALTER TABLE user_account ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE admin_request (
    id                 UUID         NOT NULL PRIMARY KEY,
    account_id         UUID         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    kind               VARCHAR(10)  NOT NULL,
    requested_role     VARCHAR(20)  NOT NULL,
    previous_role      VARCHAR(20),
    requested_by       VARCHAR(100) NOT NULL,
    requested_by_id    UUID,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    decided_by         VARCHAR(100),
    decided_by_id      UUID,
    decided_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_admin_request_kind CHECK (kind IN ('CREATE', 'PROMOTE')),
    CONSTRAINT ck_admin_request_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    CONSTRAINT ck_admin_request_role CHECK (requested_role IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'))
);
CREATE INDEX ix_admin_request_account ON admin_request (account_id, status);
