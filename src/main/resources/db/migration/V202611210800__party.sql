-- Parties: organisations and the roles they take (GB/T 38249 draft roles and T/CCIA 004-2024 partners).
CREATE TABLE organization (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    credit_code CHAR(18)     NOT NULL,
    region      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uq_organization_credit_code UNIQUE (credit_code)
);
