-- The obligations calendar of issue 13 item 4 (docs/modules/lifecycle.md): recurring duties of a cloud system
-- (the 等保 assessment, emergency drills, provider reports, provider evaluations, security reviews), each with its
-- interval, the organisation responsible, the last completion and who recorded it; due_date is the next due date
-- as the domain type computes it (last completion + interval, or the start date if never done), kept here so the
-- cross-system queries ("overdue", "next 90 days") are one indexed query.
CREATE TABLE lifecycle_obligation (
    id               UUID          NOT NULL PRIMARY KEY,
    system_id        UUID          NOT NULL REFERENCES cloud_system (id),
    kind             VARCHAR(40)   NOT NULL,
    responsible_org  UUID          NOT NULL REFERENCES organization (id),
    start_date       DATE          NOT NULL,
    interval_months  INTEGER       NOT NULL,
    last_done        DATE,
    last_done_by     VARCHAR(200),
    last_done_at     TIMESTAMP WITH TIME ZONE,
    due_date         DATE          NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_lifecycle_obligation_kind UNIQUE (system_id, kind)
);

CREATE INDEX ix_lifecycle_obligation_due ON lifecycle_obligation (due_date, system_id);

-- Every completion recorded (by a person, a drill record or a completed assessment), oldest first.
CREATE TABLE lifecycle_obligation_completion (
    id               UUID          NOT NULL PRIMARY KEY,
    obligation_id    UUID          NOT NULL REFERENCES lifecycle_obligation (id),
    done_on          DATE          NOT NULL,
    source           VARCHAR(20)   NOT NULL,
    recorded_by      VARCHAR(200)  NOT NULL,
    recorded_org     UUID,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_lifecycle_obligation_completion ON lifecycle_obligation_completion (obligation_id, done_on);

-- An organisation's own interval for a kind of obligation (within the standards' maxima), for its systems.
CREATE TABLE lifecycle_obligation_interval (
    organization_id  UUID          NOT NULL REFERENCES organization (id),
    kind             VARCHAR(40)   NOT NULL,
    months           INTEGER       NOT NULL,
    set_by           VARCHAR(200)  NOT NULL,
    set_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, kind)
);

-- A user's secret calendar feed: only the SM3 hash of the token is kept (the token is shown once).
CREATE TABLE lifecycle_calendar_feed (
    user_id          UUID          NOT NULL PRIMARY KEY,
    token_hash       VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_lifecycle_calendar_feed_hash UNIQUE (token_hash)
);

-- A user's address for e-mail reminders about overdue obligations.
CREATE TABLE lifecycle_reminder_address (
    user_id          UUID          NOT NULL PRIMARY KEY,
    email            VARCHAR(254)  NOT NULL,
    set_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One reminder per overdue obligation per due date per recipient: written before the mail goes out, so page
-- views and later runs never send it again.
CREATE TABLE lifecycle_reminder_sent (
    obligation_id    UUID          NOT NULL REFERENCES lifecycle_obligation (id),
    due_date         DATE          NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    user_id          UUID          NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (obligation_id, due_date, recipient)
);
