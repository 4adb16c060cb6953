-- The harmful-content word lists of organisations (政府网站指南 8.4.1.3 a) "实时监测网站发布内容,发现有害信息进行告警和
-- 处置"): every import is a new version, kept; the monitors of the systems an organisation is the customer of match
-- its latest version (the shipped sample while it has none). The words are stored as imported, one per line.
CREATE TABLE monitor_word_list (
    id              UUID                     NOT NULL PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    version         INTEGER                  NOT NULL,
    words           VARCHAR(1000000)         NOT NULL,
    word_count      INTEGER                  NOT NULL,
    content_sm3     VARCHAR(64)              NOT NULL, -- of the file as uploaded
    note            VARCHAR(500),
    imported_by     VARCHAR(100)             NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_monitor_word_list UNIQUE (organization_id, version)
);
