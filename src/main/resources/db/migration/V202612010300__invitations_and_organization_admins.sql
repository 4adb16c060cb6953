-- Issue 35 (inviting the other parties). 组织管理员: a business user who manages its own organisation's users; a flag on
-- the account, not a role, so the three platform administrator roles (三权分立) stay as they are.
ALTER TABLE user_account ADD COLUMN org_admin BOOLEAN DEFAULT FALSE NOT NULL;

-- An invitation by e-mail: a customer's user invites an organisation (existing, or new by name and credit code) and
-- one of its people onto a system (and engagement, with a role there); an organisation administrator invites its own
-- staff. The link's secret is never stored, only its SHA-256; the link works once, until expires_at.
CREATE TABLE invitation (
    id                 UUID          NOT NULL PRIMARY KEY,
    token_hash         VARCHAR(64)   NOT NULL,
    email              VARCHAR(254)  NOT NULL,
    display_name       VARCHAR(100)  NOT NULL,
    organization_id    UUID          REFERENCES organization (id) ON DELETE CASCADE,
    new_org_name       VARCHAR(200),
    new_org_credit     VARCHAR(18),
    new_org_region     VARCHAR(100),
    party_role         VARCHAR(40),
    system_id          UUID          REFERENCES cloud_system (id) ON DELETE CASCADE,
    engagement_id      UUID          REFERENCES engagement (id) ON DELETE CASCADE,
    inviting_org_id    UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    invited_by         VARCHAR(64)   NOT NULL,
    org_admin          BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at        TIMESTAMP WITH TIME ZONE,
    accepted_username  VARCHAR(64),
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revoked_by         VARCHAR(64),
    CONSTRAINT uq_invitation_token UNIQUE (token_hash),
    CONSTRAINT ck_invitation_org CHECK (organization_id IS NOT NULL OR new_org_name IS NOT NULL)
);
CREATE INDEX ix_invitation_inviting_org ON invitation (inviting_org_id, created_at);
