-- The assessment team (issue 14): each assigned person holds one role on an assessment — TESTER (测评人员), REVIEWER
-- (审核人) or APPROVER (批准人). The primary key (assessment_id, user_id) already allows one row per person, so nobody
-- can hold two of the roles on one assessment. Existing assignments were testers.
ALTER TABLE assessment_assessor ADD COLUMN role VARCHAR(20) DEFAULT 'TESTER' NOT NULL;
