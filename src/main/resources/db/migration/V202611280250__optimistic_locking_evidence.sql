-- Optimistic locking (issue 15), continued: evidence metadata — the validity date, sharing with the provider and
-- the links to items — is changed as one record and carries one version (existing rows start at 0), with the time
-- of its last change for the refusal's text. Evidence request lines already carry a version.
ALTER TABLE assessment_evidence ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE assessment_evidence ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
