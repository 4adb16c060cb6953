-- Review and sign-off (issue 14): the reason a finding has no evidence, stored with the verdict; the review history
-- (submitted, sent back, review approved, report approved, returned) and the reviewer's comments on items, which
-- the testers mark resolved.
ALTER TABLE assessment_item ADD COLUMN no_evidence_reason VARCHAR(4000);

CREATE TABLE assessment_review_step (
    id            UUID          NOT NULL PRIMARY KEY,
    assessment_id UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    kind          VARCHAR(30)   NOT NULL,
    actor_id      UUID          NOT NULL,
    actor_name    VARCHAR(200)  NOT NULL,
    comment       VARCHAR(4000),
    comment_count INTEGER       NOT NULL DEFAULT 0,
    happened_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_review_step_assessment ON assessment_review_step (assessment_id, happened_at);

CREATE TABLE assessment_review_comment (
    id               UUID          NOT NULL PRIMARY KEY,
    assessment_id    UUID          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    item_id          UUID          NOT NULL REFERENCES assessment_item (id) ON DELETE CASCADE,
    step_id          UUID          NOT NULL REFERENCES assessment_review_step (id) ON DELETE CASCADE,
    author_name      VARCHAR(200)  NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    resolved_by_name VARCHAR(200)
);
CREATE INDEX ix_review_comment_assessment ON assessment_review_comment (assessment_id);
CREATE INDEX ix_review_comment_item ON assessment_review_comment (item_id);
