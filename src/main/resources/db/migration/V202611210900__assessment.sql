-- Assessments (等保 cloud-extension and sector checklists): projects, test items generated from the
-- catalog, verdict history, interviews, encrypted evidence (content in the blob store, per-file key
-- wrapped under a master key kept outside the database), remediation tasks.
CREATE TABLE assessment (
    id                 UUID         NOT NULL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    system_id          UUID         NOT NULL REFERENCES cloud_system (id),
    assessor_org_id    UUID         NOT NULL REFERENCES organization (id),
    assessor_kind      VARCHAR(20)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    created_by         UUID,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at       TIMESTAMP WITH TIME ZONE,
    version            INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX ix_assessment_system ON assessment (system_id);
CREATE INDEX ix_assessment_assessor ON assessment (assessor_org_id);

CREATE TABLE assessment_assessor (
    assessment_id UUID NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    user_id       UUID NOT NULL,
    PRIMARY KEY (assessment_id, user_id)
);

CREATE TABLE assessment_scope (
    assessment_id UUID        NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    selection     VARCHAR(40) NOT NULL,
    PRIMARY KEY (assessment_id, selection)
);

CREATE TABLE assessment_item (
    id                  UUID          NOT NULL PRIMARY KEY,
    assessment_id       UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position            INTEGER       NOT NULL,
    requirement_id      VARCHAR(60)   NOT NULL,
    side                VARCHAR(20)   NOT NULL,
    layer               VARCHAR(200)  NOT NULL,
    control_point       VARCHAR(200)  NOT NULL,
    verdict             VARCHAR(30),
    verdict_reason      VARCHAR(4000),
    observations        VARCHAR(20000),
    risk_level          VARCHAR(10),
    risk_reason         VARCHAR(4000),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_assessment_item UNIQUE (assessment_id, requirement_id, side)
);
CREATE INDEX ix_assessment_item_assessment ON assessment_item (assessment_id);

CREATE TABLE assessment_verdict_history (
    id             UUID          NOT NULL PRIMARY KEY,
    item_id        UUID          NOT NULL REFERENCES assessment_item (id) ON DELETE CASCADE,
    verdict        VARCHAR(30)   NOT NULL,
    verdict_reason VARCHAR(4000),
    risk_level     VARCHAR(10),
    retest         BOOLEAN       NOT NULL,
    recorded_by    VARCHAR(100)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_verdict_history_item ON assessment_verdict_history (item_id);

CREATE TABLE assessment_interview (
    id          UUID          NOT NULL PRIMARY KEY,
    item_id     UUID          NOT NULL REFERENCES assessment_item (id) ON DELETE CASCADE,
    interviewee VARCHAR(100)  NOT NULL,
    role        VARCHAR(100)  NOT NULL,
    held_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    notes       VARCHAR(4000),
    recorded_by VARCHAR(100)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_interview_item ON assessment_interview (item_id);

CREATE TABLE assessment_evidence (
    id                   UUID          NOT NULL PRIMARY KEY,
    item_id              UUID          NOT NULL REFERENCES assessment_item (id),
    assessment_id        UUID          NOT NULL REFERENCES assessment (id),
    display_name         VARCHAR(200)  NOT NULL,
    content_type         VARCHAR(100)  NOT NULL,
    size_bytes           BIGINT        NOT NULL,
    sm3                  VARCHAR(64)   NOT NULL,
    blob_name            VARCHAR(100)  NOT NULL,
    uploaded_by          UUID,
    uploaded_by_name     VARCHAR(100)  NOT NULL,
    owner_org_id         UUID,
    shared_with_provider BOOLEAN       NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_evidence_blob UNIQUE (blob_name)
);
CREATE INDEX ix_evidence_item ON assessment_evidence (item_id);

-- The per-file SM4 key, wrapped (SM4-GCM) under the master key file; deleting the row destroys the evidence.
CREATE TABLE assessment_evidence_key (
    evidence_id UUID         NOT NULL PRIMARY KEY REFERENCES assessment_evidence (id) ON DELETE CASCADE,
    wrapped_key VARCHAR(200) NOT NULL,
    key_version INTEGER      NOT NULL
);

CREATE TABLE assessment_remediation (
    id                 UUID          NOT NULL PRIMARY KEY,
    item_id            UUID          NOT NULL REFERENCES assessment_item (id) ON DELETE CASCADE,
    assessment_id      UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    responsible_org_id UUID          NOT NULL REFERENCES organization (id),
    due_date           DATE          NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    note               VARCHAR(4000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_remediation_assessment ON assessment_remediation (assessment_id);
CREATE INDEX ix_remediation_item ON assessment_remediation (item_id);
