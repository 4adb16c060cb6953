-- Versions of imported OSCAL catalogs. An import under a code already taken is refused unless replacing is asked
-- for; a replaced import is not lost: it moves here with its document, who imported it and when, and who
-- replaced it and when, so every earlier version stays listed and can be downloaded as uploaded.
ALTER TABLE catalog_import ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;

CREATE TABLE catalog_import_version (
    code         VARCHAR(64)              NOT NULL,
    version      INTEGER                  NOT NULL,
    title        VARCHAR(1000)            NOT NULL,
    file_name    VARCHAR(255)             NOT NULL,
    format       VARCHAR(8)               NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    size_bytes   INTEGER                  NOT NULL,
    requirements INTEGER                  NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by  VARCHAR(200),
    replaced_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_by  VARCHAR(200),
    PRIMARY KEY (code, version)
);

CREATE TABLE catalog_import_version_chunk (
    code    VARCHAR(64)     NOT NULL,
    version INTEGER         NOT NULL,
    seq     INTEGER         NOT NULL,
    data    VARCHAR(500000) NOT NULL,
    PRIMARY KEY (code, version, seq),
    FOREIGN KEY (code, version) REFERENCES catalog_import_version (code, version) ON DELETE CASCADE
);
