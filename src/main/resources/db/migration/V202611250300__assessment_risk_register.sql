-- Risk and remediation register (issue 14 item 6): a finding's due date is chosen when it is planned (null = 未定),
-- its treatment (整改 / 接受 / 转移) with an acceptance approved by the customer, milestones, and re-tests in a
-- follow-up assessment linked to the original finding.
ALTER TABLE assessment_remediation ALTER COLUMN due_date DROP NOT NULL;

ALTER TABLE assessment ADD COLUMN follow_up_of UUID;

CREATE TABLE assessment_risk (
    remediation_id     UUID          NOT NULL PRIMARY KEY REFERENCES assessment_remediation (id) ON DELETE CASCADE,
    treatment          VARCHAR(20)   NOT NULL,
    risk_description   VARCHAR(4000),
    transfer_org_id    UUID          REFERENCES organization (id),
    accept_reason      VARCHAR(4000),
    accept_expires_on  DATE,
    accept_proposed_by UUID,
    accept_proposed_at TIMESTAMP WITH TIME ZONE,
    accept_approved_by UUID,
    accept_approved_on DATE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE assessment_milestone (
    id             UUID          NOT NULL PRIMARY KEY,
    remediation_id UUID          NOT NULL REFERENCES assessment_remediation (id) ON DELETE CASCADE,
    description    VARCHAR(500)  NOT NULL,
    target_date    DATE          NOT NULL,
    done_on        DATE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_milestone_remediation ON assessment_milestone (remediation_id);

-- an item of a follow-up (复测) assessment re-tests one finding of an earlier assessment
CREATE TABLE assessment_retest (
    item_id               UUID NOT NULL PRIMARY KEY REFERENCES assessment_item (id) ON DELETE CASCADE,
    origin_item_id        UUID NOT NULL REFERENCES assessment_item (id),
    origin_remediation_id UUID NOT NULL REFERENCES assessment_remediation (id)
);
CREATE INDEX ix_retest_origin ON assessment_retest (origin_remediation_id);
