-- Parties: organisations and the roles they take (GB/T 38249 draft roles and T/CCIA 004-2024 partners),
-- the cloud systems customers run, and the engagements that tie a system to the parties working on it.
CREATE TABLE organization (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    credit_code VARCHAR(18)  NOT NULL,
    region      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uq_organization_credit_code UNIQUE (credit_code)
);

CREATE TABLE organization_role (
    organization_id UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    role            VARCHAR(40) NOT NULL,
    PRIMARY KEY (organization_id, role)
);

CREATE TABLE cloud_system (
    id                  UUID         NOT NULL PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    customer_id         UUID         NOT NULL REFERENCES organization (id),
    provider_id         UUID         REFERENCES organization (id),
    protection_level    INTEGER      NOT NULL,
    deployment_model    VARCHAR(20)  NOT NULL,
    service_model       VARCHAR(20)  NOT NULL,
    industry            VARCHAR(40)  NOT NULL,
    data_classification VARCHAR(20)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT ck_cloud_system_level CHECK (protection_level BETWEEN 1 AND 4)
);
CREATE INDEX ix_cloud_system_customer ON cloud_system (customer_id);
CREATE INDEX ix_cloud_system_provider ON cloud_system (provider_id);

CREATE TABLE cloud_system_region (
    system_id UUID         NOT NULL REFERENCES cloud_system (id) ON DELETE CASCADE,
    position  INTEGER      NOT NULL,
    region    VARCHAR(100) NOT NULL,
    PRIMARY KEY (system_id, position)
);

CREATE TABLE cloud_system_agent (
    system_id       UUID        NOT NULL REFERENCES cloud_system (id) ON DELETE CASCADE,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    role            VARCHAR(40) NOT NULL,
    PRIMARY KEY (system_id, organization_id, role)
);
CREATE INDEX ix_cloud_system_agent_org ON cloud_system_agent (organization_id);

-- The customer's private notes live apart from the system row so that no ordinary query can pick them up.
CREATE TABLE cloud_system_private_note (
    system_id  UUID          NOT NULL PRIMARY KEY REFERENCES cloud_system (id) ON DELETE CASCADE,
    notes      VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by UUID
);

CREATE TABLE engagement (
    id          UUID          NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    system_id   UUID          NOT NULL REFERENCES cloud_system (id),
    phase       VARCHAR(20)   NOT NULL,
    description VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_engagement_system ON engagement (system_id);

CREATE TABLE engagement_participant (
    engagement_id   UUID        NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    role            VARCHAR(40) NOT NULL,
    PRIMARY KEY (engagement_id, organization_id, role)
);
CREATE INDEX ix_engagement_participant_org ON engagement_participant (organization_id);
