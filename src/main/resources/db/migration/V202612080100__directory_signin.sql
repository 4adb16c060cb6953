-- Issue 57, point 6: an organisation signs its people in through its own directory. One connection per organisation,
-- OpenID Connect (issuer, client, the claim and value that grant membership) or LDAP / Active Directory (URL, base DN,
-- a DN pattern or a search filter, an optional bind DN, the group whose members are the organisation's people). The
-- client secret and the bind password are sealed with SM4-GCM under directory.key in the key directory (never here in
-- the clear). login_domain: what people type after their name ("alice@bank.example") to find their organisation's
-- directory; unique over all organisations.
CREATE TABLE directory_connection (
    id                   UUID                     NOT NULL PRIMARY KEY,
    organization_id      UUID                     NOT NULL REFERENCES organization (id),
    kind                 VARCHAR(8)               NOT NULL,
    login_domain         VARCHAR(40)              NOT NULL,
    enabled              BOOLEAN                  NOT NULL,
    issuer_uri           VARCHAR(500),
    client_id            VARCHAR(255),
    client_secret_sealed VARCHAR(1000),
    group_claim          VARCHAR(100),
    group_value          VARCHAR(255),
    ldap_url             VARCHAR(500),
    base_dn              VARCHAR(500),
    user_dn_pattern      VARCHAR(500),
    user_search_filter   VARCHAR(500),
    bind_dn              VARCHAR(500),
    bind_password_sealed VARCHAR(1000),
    group_dn             VARCHAR(500),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64)              NOT NULL,
    version              INTEGER                  NOT NULL DEFAULT 0,
    CONSTRAINT uq_directory_connection_org UNIQUE (organization_id),
    CONSTRAINT uq_directory_connection_domain UNIQUE (login_domain),
    CONSTRAINT ck_directory_connection_kind CHECK (kind IN ('OIDC', 'LDAP'))
);

-- The accounts a directory manages: who they are there (the OIDC subject or the LDAP entry's DN), the provider's
-- refresh token (sealed; OIDC only) with which membership is checked again, and when the directory last said they
-- were no longer a member (removed_at; such an account is disabled here, and enabled again by the next sign-in of a
-- member). Such an account has no usable local password.
CREATE TABLE directory_account (
    account_id           UUID                     NOT NULL PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    connection_id        UUID                     NOT NULL REFERENCES directory_connection (id),
    subject              VARCHAR(500)             NOT NULL,
    refresh_token_sealed VARCHAR(8000),
    linked_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_in_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_directory_account_subject UNIQUE (connection_id, subject)
);
