-- The item sums of each completed assessment (issue 15: the dashboard overview reads one row per system, not the
-- items). Items no longer change once an assessment is completed (COMPLETED → ARCHIVED only), so the sums are
-- written by the completion step (assessment.internal.ItemSums, called by Reviews) and, for assessments completed
-- before this version or written by other means, by ItemSums' back-fill at start-up — with the scoring rules of
-- ScoreSql, so that no rule is copied here. The numbers are those docs/scoring.md computes from the items.
CREATE TABLE assessment_item_sums (
    assessment_id   UUID     NOT NULL PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    doubled_score   BIGINT   NOT NULL, -- twice the summed item scores (an integer)
    scored          INTEGER  NOT NULL, -- items with a verdict other than 不适用
    recorded        INTEGER  NOT NULL, -- items with a verdict
    high            INTEGER  NOT NULL, -- high-risk findings
    medium          INTEGER  NOT NULL  -- medium-risk findings
);

-- The same per control point, grouped as ScoreResult.byControlPoint groups the items.
CREATE TABLE assessment_control_point_sums (
    assessment_id   UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    control_point   VARCHAR(200)  NOT NULL,
    first_item      VARCHAR(300)  NOT NULL, -- the least position (10 digits) || requirement (60) || layer
    failing         INTEGER       NOT NULL, -- 1 when an item of the control point is a finding
    compliant       INTEGER       NOT NULL,
    partial         INTEGER       NOT NULL,
    non_compliant   INTEGER       NOT NULL,
    not_applicable  INTEGER       NOT NULL,
    doubled_score   BIGINT        NOT NULL,
    scored          INTEGER       NOT NULL,
    PRIMARY KEY (assessment_id, control_point)
);
