-- A cloud system's 测评对象 list (issue 34): the assets an assessment covers, with type, name, version, 重要程度
-- and a note, in the order the list keeps them; edited by whoever may edit the system (party.internal.SystemAssets),
-- printed in the report's 被测对象描述 and carried in the assessment workbook's sheet 测评对象. The list has its own
-- version (optimistic locking, ADR 011), apart from the system's, so editing one never conflicts with the other.
ALTER TABLE cloud_system ADD COLUMN assets_version BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE cloud_system_asset (
    id              UUID           NOT NULL PRIMARY KEY,
    system_id       UUID           NOT NULL REFERENCES cloud_system (id) ON DELETE CASCADE,
    position        INTEGER        NOT NULL,
    asset_type      VARCHAR(40)    NOT NULL,
    name            VARCHAR(200)   NOT NULL,
    product_version VARCHAR(100),
    importance      VARCHAR(20)    NOT NULL,
    note            VARCHAR(1000),
    UNIQUE (system_id, position)
);
