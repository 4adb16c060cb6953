-- Exit projects (GB/T 31167 §9, JR/T 8.1.3 / 8.2.2): the project and its status, the 9.1 checklist, and the
-- evidence records (manifests, non-file inventory items, verification runs, the deletion authorisation, plan and
-- record, media sanitisation and device disposal). Each evidence record is an immutable JSON document exactly as
-- it is later quoted in the deletion certificate; uploaded files live in the file store, named by the record id.
CREATE TABLE exit_project (
    id                      UUID          NOT NULL PRIMARY KEY,
    name                    VARCHAR(200)  NOT NULL,
    system_id               UUID          NOT NULL REFERENCES cloud_system (id),
    status                  VARCHAR(20)   NOT NULL,
    provider_key_pem        VARCHAR(4000),
    provider_key_fingerprint VARCHAR(64),
    inventory_approved_by   VARCHAR(200),
    inventory_approved_at   TIMESTAMP WITH TIME ZONE,
    inventory_reopened_at   TIMESTAMP WITH TIME ZONE,
    created_by              UUID,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_exit_project_system ON exit_project (system_id);

CREATE TABLE exit_checklist_item (
    project_id     UUID          NOT NULL REFERENCES exit_project (id) ON DELETE CASCADE,
    item_key       VARCHAR(20)   NOT NULL,
    position       INTEGER       NOT NULL,
    requirement_id VARCHAR(60),
    status         VARCHAR(20)   NOT NULL,
    note           VARCHAR(4000),
    updated_by     VARCHAR(200),
    updated_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (project_id, item_key)
);

CREATE TABLE exit_project_record (
    id            UUID           NOT NULL PRIMARY KEY,
    project_id    UUID           NOT NULL REFERENCES exit_project (id) ON DELETE CASCADE,
    kind          VARCHAR(30)    NOT NULL,
    payload       VARCHAR(200000) NOT NULL,
    recorded_by   VARCHAR(200)   NOT NULL,
    recorded_org  UUID,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_exit_project_record ON exit_project_record (project_id, kind);

CREATE TABLE exit_certificate (
    project_id   UUID           NOT NULL PRIMARY KEY REFERENCES exit_project (id) ON DELETE CASCADE,
    certificate_id UUID         NOT NULL,
    issued_by    VARCHAR(200)   NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    document     VARCHAR(1000000) NOT NULL,
    sm3          VARCHAR(64)    NOT NULL
);
