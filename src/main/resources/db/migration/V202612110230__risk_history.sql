-- The history of a risk register entry (issue 58): every change of the assessor's description, the customer's
-- statement, treatment, owner, due date, acceptance, status, note and milestones is one row, dated and attributed
-- (by display name), with the value before and after. Rows are only ever added.
CREATE TABLE assessment_risk_change (
    id             UUID          NOT NULL PRIMARY KEY,
    remediation_id UUID          NOT NULL REFERENCES assessment_remediation (id) ON DELETE CASCADE,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    by_name        VARCHAR(200)  NOT NULL,
    field          VARCHAR(40)   NOT NULL,
    subject        VARCHAR(500),
    before_value   VARCHAR(4000),
    after_value    VARCHAR(4000)
);
CREATE INDEX ix_risk_change_remediation ON assessment_risk_change (remediation_id, changed_at);
