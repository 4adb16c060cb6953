-- Approved reports are records (issue 34): at approval the report is rendered once (DOCX, PDF, OSCAL assessment
-- results, in Chinese and in English), each file kept byte for byte with its SM3, and the set sealed with the platform's SM2 key. A correction
-- after approval is a new revision; earlier revisions stay. Nothing here is ever updated or deleted.
CREATE TABLE assessment_report_revision (
    id                   UUID                     NOT NULL PRIMARY KEY,
    assessment_id        UUID                     NOT NULL REFERENCES assessment (id),
    revision             INTEGER                  NOT NULL,
    report_number        VARCHAR(64)              NOT NULL,
    assessor_org_name    VARCHAR(200)             NOT NULL,
    approver_id          UUID,
    approver_name        VARCHAR(200)             NOT NULL,
    approved_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    reason               VARCHAR(4000),
    seal                 BYTEA                    NOT NULL,
    seal_sm3             CHAR(64)                 NOT NULL,
    CONSTRAINT uq_report_revision UNIQUE (assessment_id, revision)
);
CREATE INDEX ix_report_revision_number ON assessment_report_revision (report_number);

CREATE TABLE assessment_report_file (
    revision_id          UUID                     NOT NULL REFERENCES assessment_report_revision (id),
    format               VARCHAR(16)              NOT NULL,
    language             VARCHAR(8)               NOT NULL,
    file_name            VARCHAR(400)             NOT NULL,
    content              BYTEA                    NOT NULL,
    sm3                  CHAR(64)                 NOT NULL,
    size_bytes           BIGINT                   NOT NULL,
    CONSTRAINT pk_report_file PRIMARY KEY (revision_id, format, language)
);
CREATE INDEX ix_report_file_sm3 ON assessment_report_file (sm3);
