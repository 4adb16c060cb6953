-- Optimistic locking (issue 15), continued: a risk register entry — a remediation task with its risk plan,
-- acceptance and milestones — is changed as one record and carries one version (existing rows start at 0).
ALTER TABLE assessment_remediation ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
