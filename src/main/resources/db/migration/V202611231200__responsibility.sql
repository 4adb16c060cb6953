-- Responsibility matrices (T/CCIA 004-2024, issue 12): one matrix per cloud system, its versions and the
-- customer's and provider's sign-offs. Each version is an immutable JSON document (participants with their roles
-- and where they come from, agreements with their clauses, and the assignments of every duty with their
-- delegation chains; schema in docs/modules/responsibility.md), written once and never updated: an edit adds a
-- version. A version's status is DRAFT until both sides signed it off.
CREATE TABLE responsibility_matrix (
    id               UUID          NOT NULL PRIMARY KEY,
    system_id        UUID          NOT NULL REFERENCES cloud_system (id),
    current_version  INTEGER       NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_responsibility_matrix_system UNIQUE (system_id)
);

CREATE TABLE responsibility_matrix_version (
    matrix_id        UUID          NOT NULL REFERENCES responsibility_matrix (id) ON DELETE CASCADE,
    version          INTEGER       NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    schema_version   INTEGER       NOT NULL,
    document         VARCHAR(1000000) NOT NULL,
    change_summary   VARCHAR(2000) NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    created_org      UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (matrix_id, version)
);

CREATE TABLE responsibility_sign_off (
    matrix_id        UUID          NOT NULL,
    version          INTEGER       NOT NULL,
    side             VARCHAR(20)   NOT NULL,
    signed_by        VARCHAR(200)  NOT NULL,
    signed_org       UUID          NOT NULL,
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (matrix_id, version, side),
    FOREIGN KEY (matrix_id, version) REFERENCES responsibility_matrix_version (matrix_id, version) ON DELETE CASCADE
);
