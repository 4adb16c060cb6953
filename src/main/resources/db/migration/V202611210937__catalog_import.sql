-- OSCAL catalogs imported into the standards catalog (the document itself, gzip + base64 in chunks so any size fits
-- a portable VARCHAR); loaded into the in-memory catalog at startup.
CREATE TABLE catalog_import (
    code         VARCHAR(64)              NOT NULL PRIMARY KEY,
    title        VARCHAR(1000)            NOT NULL,
    file_name    VARCHAR(255)             NOT NULL,
    format       VARCHAR(8)               NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    size_bytes   INTEGER                  NOT NULL,
    requirements INTEGER                  NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by  VARCHAR(200)
);

CREATE TABLE catalog_import_chunk (
    code VARCHAR(64)     NOT NULL REFERENCES catalog_import (code) ON DELETE CASCADE,
    seq  INTEGER         NOT NULL,
    data VARCHAR(500000) NOT NULL,
    PRIMARY KEY (code, seq)
);
