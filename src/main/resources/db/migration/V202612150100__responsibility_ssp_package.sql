-- Providers' OSCAL system security plans a customer imported for one of its systems (issue 60: inheritance packages
-- in and out): the file as uploaded, read again on every view so its mapped and unmapped controls follow the current
-- crosswalk. An import is only shown; it never changes the system's matrix.
CREATE TABLE responsibility_ssp_package (
    id              UUID                     NOT NULL PRIMARY KEY,
    system_id       UUID                     NOT NULL REFERENCES cloud_system (id),
    file_name       VARCHAR(255)             NOT NULL,
    format          VARCHAR(10)              NOT NULL,
    title           VARCHAR(1000)            NOT NULL,
    content         VARCHAR(1000000)         NOT NULL,
    imported_by     VARCHAR(255)             NOT NULL,
    imported_org    UUID,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX responsibility_ssp_package_system ON responsibility_ssp_package (system_id, imported_at);
