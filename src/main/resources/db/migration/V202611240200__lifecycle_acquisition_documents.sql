-- The acquisition documents of a system's lifecycle (issue 13 item 3): the needs analysis and migration decision
-- (the guide's 需求报告), the provider selection (candidates judged against the guides' selection criteria, with
-- evidence and a decision) and the contract / SLA / NDA clause review that gates the acquisition phase.

-- One needs analysis per system; the inventory is a JSON array (schema in
-- docs/modules/lifecycle.md), the cited planning duties catalog ids separated by spaces, the rest plain columns.
CREATE TABLE lifecycle_needs_analysis (
    system_id        UUID           NOT NULL PRIMARY KEY REFERENCES cloud_system (id),
    inventory        VARCHAR(200000) NOT NULL,
    decision         VARCHAR(30)    NOT NULL,
    reasons          VARCHAR(10000) NOT NULL,
    compute_needs    VARCHAR(2000),
    storage_needs    VARCHAR(2000),
    bandwidth_needs  VARCHAR(2000),
    availability     VARCHAR(200),
    security_needs   VARCHAR(10000),
    cited_duties     VARCHAR(20000) NOT NULL,
    updated_by       VARCHAR(100)   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A candidate provider: a registered organisation (organisation_id, its name kept as it was when added) or a provider
-- that is not registered, by name only.
CREATE TABLE lifecycle_selection_candidate (
    id               UUID           NOT NULL PRIMARY KEY,
    system_id        UUID           NOT NULL REFERENCES cloud_system (id),
    organisation_id  UUID           REFERENCES organization (id),
    name             VARCHAR(200)   NOT NULL,
    position         INTEGER        NOT NULL,
    added_by         VARCHAR(100)   NOT NULL,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_selection_candidate_system ON lifecycle_selection_candidate (system_id, position);

-- A candidate judged against one criterion (catalog requirement id).
CREATE TABLE lifecycle_selection_judgement (
    candidate_id     UUID           NOT NULL REFERENCES lifecycle_selection_candidate (id) ON DELETE CASCADE,
    criterion        VARCHAR(64)    NOT NULL,
    judgement        VARCHAR(30)    NOT NULL,
    note             VARCHAR(4000),
    judged_by        VARCHAR(100)   NOT NULL,
    judged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (candidate_id, criterion)
);

-- Evidence for a candidate's judgement on a criterion, sealed by the evidence vault (content in the blob store).
CREATE TABLE lifecycle_selection_evidence (
    id               UUID           NOT NULL PRIMARY KEY,
    candidate_id     UUID           NOT NULL REFERENCES lifecycle_selection_candidate (id),
    criterion        VARCHAR(64)    NOT NULL,
    display_name     VARCHAR(255)   NOT NULL,
    content_type     VARCHAR(100)   NOT NULL,
    size_bytes       BIGINT         NOT NULL,
    sm3              VARCHAR(64)    NOT NULL,
    blob_name        VARCHAR(100)   NOT NULL,
    wrapped_key      VARCHAR(400)   NOT NULL,
    uploaded_by      VARCHAR(100)   NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_selection_evidence_candidate ON lifecycle_selection_evidence (candidate_id, criterion);

-- The selection decision of a system: the candidate chosen and why.
CREATE TABLE lifecycle_selection_decision (
    system_id        UUID           NOT NULL PRIMARY KEY REFERENCES cloud_system (id),
    candidate_id     UUID           NOT NULL REFERENCES lifecycle_selection_candidate (id),
    reasons          VARCHAR(10000) NOT NULL,
    decided_by       VARCHAR(100)   NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The review of one required clause (catalog requirement id) of the contract, SLA or NDA; a clause without a row
-- is not reviewed yet.
CREATE TABLE lifecycle_contract_clause (
    system_id        UUID           NOT NULL REFERENCES cloud_system (id),
    clause           VARCHAR(64)    NOT NULL,
    status           VARCHAR(30)    NOT NULL,
    reference        VARCHAR(200),
    note             VARCHAR(4000),
    reviewed_by      VARCHAR(100)   NOT NULL,
    reviewed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (system_id, clause)
);
