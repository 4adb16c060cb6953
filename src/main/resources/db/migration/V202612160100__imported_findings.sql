-- Findings from another tool (issue 60): an OSCAL assessment-results or POA&M file imported into an assessment. The
-- file is kept sealed like any evidence (SM4-GCM under a per-file key wrapped under the evidence master key; the
-- columns are EvidenceVault.Sealed's) with who imported it and when.
CREATE TABLE finding_import (
    id               UUID          NOT NULL PRIMARY KEY,
    assessment_id    UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    kind             VARCHAR(20)   NOT NULL,
    format           VARCHAR(10)   NOT NULL,
    title            VARCHAR(1000),
    oscal_version    VARCHAR(20),
    file_id          UUID          NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    content_type     VARCHAR(100)  NOT NULL,
    file_size        BIGINT        NOT NULL,
    sm3              VARCHAR(64)   NOT NULL,
    blob_name        VARCHAR(100)  NOT NULL,
    wrapped_key      VARCHAR(1000) NOT NULL,
    imported_by      VARCHAR(100)  NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_finding_import_assessment ON finding_import (assessment_id);

-- One row per finding, standalone observation or POA&M item of an import, with its text as the source has it.
CREATE TABLE imported_finding (
    id               UUID          NOT NULL PRIMARY KEY,
    import_id        UUID          NOT NULL REFERENCES finding_import (id) ON DELETE CASCADE,
    assessment_id    UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position         INT           NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    source_uuid      VARCHAR(64),
    title            VARCHAR(1000),
    description      VARCHAR(20000),
    control_id       VARCHAR(100),
    source_status    VARCHAR(100),
    deadline         DATE,
    detail           VARCHAR(20000),
    observations     VARCHAR(4000)
);
CREATE INDEX ix_imported_finding_import ON imported_finding (import_id);
CREATE INDEX ix_imported_finding_assessment ON imported_finding (assessment_id);

-- Where a finding goes: one row per Chinese item its control maps to (the crosswalk's relationship and confidence
-- kept as they were at import), with the assessment's test item (null when the item is outside the assessment's
-- scope) and the assessor's decision: PROPOSED until adopted into the item's record or dismissed with a reason.
CREATE TABLE imported_finding_target (
    id               UUID          NOT NULL PRIMARY KEY,
    finding_id       UUID          NOT NULL REFERENCES imported_finding (id) ON DELETE CASCADE,
    assessment_id    UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    requirement_id   VARCHAR(100)  NOT NULL,
    item_id          UUID          REFERENCES assessment_item (id) ON DELETE SET NULL,
    relationship     VARCHAR(30)   NOT NULL,
    confidence       INT           NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP WITH TIME ZONE,
    reason           VARCHAR(4000),
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX ix_finding_target_finding ON imported_finding_target (finding_id);
CREATE INDEX ix_finding_target_assessment ON imported_finding_target (assessment_id);
