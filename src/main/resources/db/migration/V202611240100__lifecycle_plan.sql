-- Lifecycle plans (issue 13): one per cloud system, the sector guide's phases in its own terms (stages) and the
-- duties of each, assigned to organisations; see docs/modules/lifecycle.md.
CREATE TABLE lifecycle_plan (
    id               UUID          NOT NULL PRIMARY KEY,
    system_id        UUID          NOT NULL REFERENCES cloud_system (id),
    standard_code    VARCHAR(32)   NOT NULL,
    deployment_model VARCHAR(32),
    assigned_from    VARCHAR(16)   NOT NULL,
    created_by       UUID          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_lifecycle_plan_system UNIQUE (system_id)
);

CREATE TABLE lifecycle_stage (
    plan_id    UUID         NOT NULL REFERENCES lifecycle_plan (id),
    phase      VARCHAR(32)  NOT NULL,
    term       VARCHAR(64)  NOT NULL,
    position   INTEGER      NOT NULL,
    closed_at  TIMESTAMP WITH TIME ZONE,
    closed_by  UUID,
    PRIMARY KEY (plan_id, phase)
);

-- phase NULL: a duty of every phase (listed with the plan, never holding a gate)
CREATE TABLE lifecycle_duty (
    id              UUID          NOT NULL PRIMARY KEY,
    plan_id         UUID          NOT NULL REFERENCES lifecycle_plan (id),
    phase           VARCHAR(32),
    requirement_id  VARCHAR(64)   NOT NULL,
    position        INTEGER       NOT NULL,
    organisation_id UUID          NOT NULL,
    owner_id        UUID,
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(2000),
    due_date        DATE,
    completed_by    UUID,
    completed_at    TIMESTAMP WITH TIME ZONE,
    accepted_by     UUID,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    version         INTEGER       NOT NULL
);

CREATE INDEX ix_lifecycle_duty_plan ON lifecycle_duty (plan_id, position);
CREATE INDEX ix_lifecycle_duty_due ON lifecycle_duty (due_date, organisation_id);

CREATE TABLE lifecycle_duty_comment (
    id         UUID          NOT NULL PRIMARY KEY,
    duty_id    UUID          NOT NULL REFERENCES lifecycle_duty (id),
    author_id  UUID          NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_lifecycle_duty_comment ON lifecycle_duty_comment (duty_id, created_at);

-- evidence sealed like assessment evidence (org.yunjian.assessment.EvidenceVault); immutable once its phase closes
CREATE TABLE lifecycle_duty_evidence (
    id           UUID          NOT NULL PRIMARY KEY,
    duty_id      UUID          NOT NULL REFERENCES lifecycle_duty (id),
    display_name VARCHAR(200)  NOT NULL,
    content_type VARCHAR(120)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sm3          VARCHAR(64)   NOT NULL,
    blob_name    VARCHAR(64)   NOT NULL,
    wrapped_key  VARCHAR(256)  NOT NULL,
    uploaded_by  UUID          NOT NULL,
    uploaded_org UUID,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_lifecycle_duty_evidence ON lifecycle_duty_evidence (duty_id);
