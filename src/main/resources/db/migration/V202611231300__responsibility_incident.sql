-- Incidents recorded against a cloud system (T/CCIA 004-2024 Annex B, issue 12 item 4): the typical incident it
-- is (catalog id, e.g. TCCIA004-B-9), when it happened, what the recorder wrote, and the liability analysis as it
-- stood when it was recorded: an immutable JSON document (the matrix version used, the liable roles with the
-- organisations holding them and their contacts, the matrix rows of the related clause with accountable and
-- implementing parties; schema in docs/modules/responsibility.md). Written once, never updated: a later change of
-- the matrix does not change what was recorded.
CREATE TABLE responsibility_incident (
    id               UUID          NOT NULL PRIMARY KEY,
    system_id        UUID          NOT NULL REFERENCES cloud_system (id),
    incident_code    VARCHAR(64)   NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(10000) NOT NULL,
    reference        VARCHAR(200),
    matrix_version   INTEGER,
    schema_version   INTEGER       NOT NULL,
    analysis         VARCHAR(1000000) NOT NULL,
    recorded_by      VARCHAR(200)  NOT NULL,
    recorded_org     UUID,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_responsibility_incident_system ON responsibility_incident (system_id, occurred_at);
