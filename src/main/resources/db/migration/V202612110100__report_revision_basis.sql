-- A 修订版 corrects what was approved, nothing else (issue 58): each revision keeps the content its files were
-- rendered from (the report's data as JSON, per language; its SM3 is in the seal), so that the next revision starts
-- from it and never from the live assessment, and records what it corrected (item, field, before, after).
-- Written once with its revision, never changed.
CREATE TABLE assessment_report_basis (
    revision_id          UUID                     NOT NULL REFERENCES assessment_report_revision (id),
    language             VARCHAR(8)               NOT NULL,
    content              BYTEA                    NOT NULL,
    sm3                  CHAR(64)                 NOT NULL,
    CONSTRAINT pk_report_basis PRIMARY KEY (revision_id, language)
);
ALTER TABLE assessment_report_revision ADD COLUMN corrections VARCHAR(1000000);
