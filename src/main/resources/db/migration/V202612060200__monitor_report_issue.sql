-- The monthly 安全运行报告 issued as a record (issue 38): a person of the customer issues a closed month's report,
-- rendered once (DOCX and PDF, in Chinese and in English), each file kept byte for byte with its SM3, the set named
-- in a manifest signed with the platform's SM2 key. A correction is a new revision with a reason that supersedes the
-- one before (which stays downloadable). Nothing here is ever updated or deleted.
CREATE TABLE monitor_report_issue (
    id                   UUID                     NOT NULL PRIMARY KEY,
    system_id            UUID                     NOT NULL,
    report_month         CHAR(7)                  NOT NULL,
    revision             INTEGER                  NOT NULL,
    report_number        VARCHAR(64)              NOT NULL,
    issuer_id            UUID                     NOT NULL,
    issuer_name          VARCHAR(200)             NOT NULL,
    issued_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    reason               VARCHAR(4000),
    manifest             BYTEA                    NOT NULL,
    manifest_sm3         CHAR(64)                 NOT NULL,
    CONSTRAINT uq_monitor_report_issue UNIQUE (system_id, report_month, revision)
);
CREATE INDEX ix_monitor_report_issue_number ON monitor_report_issue (report_number);

CREATE TABLE monitor_report_file (
    issue_id             UUID                     NOT NULL REFERENCES monitor_report_issue (id),
    format               VARCHAR(16)              NOT NULL,
    language             VARCHAR(8)               NOT NULL,
    file_name            VARCHAR(400)             NOT NULL,
    content              BYTEA                    NOT NULL,
    sm3                  CHAR(64)                 NOT NULL,
    size_bytes           BIGINT                   NOT NULL,
    CONSTRAINT pk_monitor_report_file PRIMARY KEY (issue_id, format, language)
);

-- 安全运行报告 numbers: YJ-SOR-2026-000001
INSERT INTO serial_counter (series, counter_year, last_value) VALUES ('YJ-SOR', 0, 0);
