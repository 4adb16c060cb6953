-- Evidence requests (资料清单) and reusable evidence (issue 14 item 3).
-- One evidence object supports several items, also of a later assessment of the same system: the links say which.
-- Every existing evidence file is linked to the item it was uploaded for, so the link table alone answers
-- "which evidence supports this item".
ALTER TABLE assessment_evidence ADD COLUMN valid_until DATE;

CREATE TABLE assessment_evidence_link (
    evidence_id    UUID         NOT NULL REFERENCES assessment_evidence (id) ON DELETE CASCADE,
    item_id        UUID         NOT NULL REFERENCES assessment_item (id) ON DELETE CASCADE,
    assessment_id  UUID         NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    linked_by      UUID,
    linked_by_name VARCHAR(100) NOT NULL,
    linked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (evidence_id, item_id)
);
CREATE INDEX ix_evidence_link_item ON assessment_evidence_link (item_id);
CREATE INDEX ix_evidence_link_assessment ON assessment_evidence_link (assessment_id);

INSERT INTO assessment_evidence_link (evidence_id, item_id, assessment_id, linked_by, linked_by_name, linked_at)
SELECT id, item_id, assessment_id, uploaded_by, uploaded_by_name, created_at FROM assessment_evidence;

-- A list of requested documents sent by an assessor; each line goes to one party of the system.
CREATE TABLE assessment_evidence_request (
    id            UUID         NOT NULL PRIMARY KEY,
    assessment_id UUID         NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    sent_by       UUID,
    sent_by_name  VARCHAR(100) NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_evidence_request_assessment ON assessment_evidence_request (assessment_id);

CREATE TABLE assessment_evidence_request_line (
    id               UUID          NOT NULL PRIMARY KEY,
    request_id       UUID          NOT NULL REFERENCES assessment_evidence_request (id) ON DELETE CASCADE,
    assessment_id    UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position         INTEGER       NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000),
    due_date         DATE          NOT NULL,
    addressee_org_id UUID          NOT NULL REFERENCES organization (id),
    routing          VARCHAR(20)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    evidence_id      UUID          REFERENCES assessment_evidence (id) ON DELETE SET NULL,
    comment          VARCHAR(2000),
    answered_by_name VARCHAR(100),
    answered_at      TIMESTAMP WITH TIME ZONE,
    decided_by_name  VARCHAR(100),
    decided_at       TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_evidence_request_line_request ON assessment_evidence_request_line (request_id);
CREATE INDEX ix_evidence_request_line_assessment ON assessment_evidence_request_line (assessment_id);
CREATE INDEX ix_evidence_request_line_addressee ON assessment_evidence_request_line (addressee_org_id);

CREATE TABLE assessment_evidence_request_item (
    line_id UUID NOT NULL REFERENCES assessment_evidence_request_line (id) ON DELETE CASCADE,
    item_id UUID NOT NULL REFERENCES assessment_item (id) ON DELETE CASCADE,
    PRIMARY KEY (line_id, item_id)
);
CREATE INDEX ix_evidence_request_item_item ON assessment_evidence_request_item (item_id);
