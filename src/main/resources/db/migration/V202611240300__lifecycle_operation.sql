-- Migration and operation documents of a cloud system's lifecycle (issue 13 items 3 and 5): the migration plan
-- (steps with owner and window, rollback plan and trigger, data migration checks, parallel running, acceptance
-- tests with the third-party assessor), emergency plans per scenario and drill records with follow-up tasks, and
-- operation-phase supervision (provider reports and their review, changes needing the customer's approval).
-- Evidence files are sealed by the assessment module's EvidenceVault; only their metadata is kept here.

CREATE TABLE lifecycle_migration_plan (
    system_id        UUID           NOT NULL PRIMARY KEY REFERENCES cloud_system (id),
    rollback_plan    VARCHAR(10000),
    rollback_trigger VARCHAR(2000),
    parallel_start   DATE,
    parallel_end     DATE,
    parallel_notes   VARCHAR(2000),
    updated_by       VARCHAR(200)   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lifecycle_migration_step (
    id           UUID          NOT NULL PRIMARY KEY,
    system_id    UUID          NOT NULL REFERENCES cloud_system (id),
    position     INTEGER       NOT NULL,
    content      VARCHAR(2000) NOT NULL,
    owner_org    UUID          NOT NULL REFERENCES organization (id),
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    updated_by   VARCHAR(200)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_migration_step_system ON lifecycle_migration_step (system_id, position);

CREATE TABLE lifecycle_migration_check (
    id           UUID          NOT NULL PRIMARY KEY,
    system_id    UUID          NOT NULL REFERENCES cloud_system (id),
    subject      VARCHAR(500)  NOT NULL,
    method       VARCHAR(32)   NOT NULL,
    source_value VARCHAR(500)  NOT NULL,
    target_value VARCHAR(500)  NOT NULL,
    checked_on   DATE          NOT NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_migration_check_system ON lifecycle_migration_check (system_id);

CREATE TABLE lifecycle_migration_acceptance (
    id          UUID          NOT NULL PRIMARY KEY,
    system_id   UUID          NOT NULL REFERENCES cloud_system (id),
    test        VARCHAR(500)  NOT NULL,
    result      VARCHAR(16)   NOT NULL,
    tester_org  UUID          REFERENCES organization (id),
    tested_by   VARCHAR(200)  NOT NULL,
    tested_on   DATE          NOT NULL,
    notes       VARCHAR(2000),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_migration_acceptance_system ON lifecycle_migration_acceptance (system_id);

-- a sealed file of an acceptance test (owner_kind ACCEPTANCE) or a provider report (owner_kind REPORT)
CREATE TABLE lifecycle_ops_file (
    id           UUID          NOT NULL PRIMARY KEY,
    system_id    UUID          NOT NULL REFERENCES cloud_system (id),
    owner_kind   VARCHAR(16)   NOT NULL,
    owner_id     UUID          NOT NULL,
    display_name VARCHAR(300)  NOT NULL,
    content_type VARCHAR(200)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sm3          VARCHAR(64)   NOT NULL,
    blob_name    VARCHAR(200)  NOT NULL,
    wrapped_key  VARCHAR(1000) NOT NULL,
    uploaded_by  VARCHAR(200)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_ops_file_owner ON lifecycle_ops_file (system_id, owner_kind, owner_id);

CREATE TABLE lifecycle_emergency_plan (
    id              UUID           NOT NULL PRIMARY KEY,
    system_id       UUID           NOT NULL REFERENCES cloud_system (id),
    scenario        VARCHAR(200)   NOT NULL,
    summary         VARCHAR(10000) NOT NULL,
    responsible_org UUID           NOT NULL REFERENCES organization (id),
    contacts        VARCHAR(2000)  NOT NULL,
    last_reviewed   DATE,
    updated_by      VARCHAR(200)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_emergency_plan_system ON lifecycle_emergency_plan (system_id);

CREATE TABLE lifecycle_drill (
    id           UUID           NOT NULL PRIMARY KEY,
    system_id    UUID           NOT NULL REFERENCES cloud_system (id),
    held_on      DATE           NOT NULL,
    plan_id      UUID           REFERENCES lifecycle_emergency_plan (id),
    scenario     VARCHAR(200)   NOT NULL,
    participants VARCHAR(2000)  NOT NULL,
    findings     VARCHAR(10000) NOT NULL,
    recorded_by  VARCHAR(200)   NOT NULL,
    recorded_org UUID,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_drill_system ON lifecycle_drill (system_id, held_on);

CREATE TABLE lifecycle_drill_task (
    id          UUID          NOT NULL PRIMARY KEY,
    drill_id    UUID          NOT NULL REFERENCES lifecycle_drill (id),
    system_id   UUID          NOT NULL REFERENCES cloud_system (id),
    position    INTEGER       NOT NULL,
    description VARCHAR(2000) NOT NULL,
    owner_org   UUID          NOT NULL REFERENCES organization (id),
    due_on      DATE          NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    updated_by  VARCHAR(200)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lifecycle_drill_task_drill ON lifecycle_drill_task (drill_id, position);

CREATE TABLE lifecycle_supervision_report (
    id            UUID           NOT NULL PRIMARY KEY,
    system_id     UUID           NOT NULL REFERENCES cloud_system (id),
    kind          VARCHAR(32)    NOT NULL,
    period_start  DATE           NOT NULL,
    period_end    DATE           NOT NULL,
    received_on   DATE           NOT NULL,
    submitted_by  VARCHAR(200)   NOT NULL,
    submitted_org UUID,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by   VARCHAR(200),
    reviewed_on   DATE,
    conclusion    VARCHAR(32),
    issues        VARCHAR(10000)
);
CREATE INDEX ix_lifecycle_supervision_report_system ON lifecycle_supervision_report (system_id, received_on);

CREATE TABLE lifecycle_supervision_change (
    id              UUID           NOT NULL PRIMARY KEY,
    system_id       UUID           NOT NULL REFERENCES cloud_system (id),
    title           VARCHAR(200)   NOT NULL,
    reason          VARCHAR(10000) NOT NULL,
    window_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end      TIMESTAMP WITH TIME ZONE NOT NULL,
    risk            VARCHAR(16)    NOT NULL,
    risk_notes      VARCHAR(2000)  NOT NULL,
    requested_by    VARCHAR(200)   NOT NULL,
    requested_org   UUID           NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    decided_by      VARCHAR(200),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_reason VARCHAR(2000)
);
CREATE INDEX ix_lifecycle_supervision_change_system ON lifecycle_supervision_change (system_id, requested_at);
