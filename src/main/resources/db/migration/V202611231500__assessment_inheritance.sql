-- Inherited test items (issue 12 item 5): a cloud-platform item of a tenant's assessment may take its verdict from
-- a completed assessment of the provider's own cloud platform in Yunjian (an assessment of a cloud system whose
-- customer organisation is this system's provider) or from the conclusion of an assessment done elsewhere, recorded
-- here with its report number, assessment organisation, date and verdict (its PDF, if uploaded, is an ordinary
-- evidence file of the assessment, sealed like any other).
CREATE TABLE assessment_external_conclusion (
    id                UUID          NOT NULL PRIMARY KEY,
    assessment_id     UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    report_number     VARCHAR(100)  NOT NULL,
    assessor_name     VARCHAR(200)  NOT NULL,
    concluded_on      DATE          NOT NULL,
    verdict           VARCHAR(30)   NOT NULL,
    risk_level        VARCHAR(10),
    evidence_id       UUID,
    recorded_by       VARCHAR(100)  NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_external_conclusion_assessment ON assessment_external_conclusion (assessment_id);

-- One row per inherited item; exactly one of source_item_id (a Yunjian assessment's item) and conclusion_id is set.
-- The item's own verdict columns take the source's verdict while it is inherited (so scores, dashboards, workbook
-- and reports need no second path); what the item held before is kept here and put back on withdrawal.
CREATE TABLE assessment_item_inheritance (
    item_id              UUID          NOT NULL PRIMARY KEY REFERENCES assessment_item (id) ON DELETE CASCADE,
    assessment_id        UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    source_assessment_id UUID          REFERENCES assessment (id),
    source_item_id       UUID          REFERENCES assessment_item (id),
    conclusion_id        UUID          REFERENCES assessment_external_conclusion (id) ON DELETE CASCADE,
    prior_verdict        VARCHAR(30),
    prior_reason         VARCHAR(4000),
    prior_risk_level     VARCHAR(10),
    prior_risk_reason    VARCHAR(4000),
    marked_by            VARCHAR(100)  NOT NULL,
    marked_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_item_inheritance_source CHECK ((source_item_id IS NULL AND conclusion_id IS NOT NULL)
        OR (source_item_id IS NOT NULL AND conclusion_id IS NULL AND source_assessment_id IS NOT NULL))
);
CREATE INDEX ix_item_inheritance_assessment ON assessment_item_inheritance (assessment_id);
