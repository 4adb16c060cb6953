-- Notifications (issue 35): what opened in 我的待办 reaches its people in the application, by e-mail and through
-- their organisations' group-chat robots. A notification is one task for one person, its text kept as the task's
-- message key and arguments (rendered in the reader's language when read). Deliveries (e-mail, webhook) are
-- recorded before they are tried, retried with backoff and end SENT or FAILED.
CREATE TABLE notification (
    id            UUID                     NOT NULL PRIMARY KEY,
    user_id       UUID                     NOT NULL,
    task_id       UUID                     NOT NULL,
    scope         VARCHAR(300)             NOT NULL,
    kind          VARCHAR(200)             NOT NULL,
    args          VARCHAR(4000)            NOT NULL,
    href          VARCHAR(1000)            NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at       TIMESTAMP WITH TIME ZONE,
    digest_id     UUID,
    CONSTRAINT uq_notification_task_user UNIQUE (task_id, user_id)
);
CREATE INDEX ix_notification_user ON notification (user_id, created_at);

-- a person's choices: e-mail immediately / daily digest / off, and the language of e-mails; the address is the one
-- the obligations calendar already keeps (lifecycle_reminder_address)
CREATE TABLE notification_setting (
    user_id       UUID                     NOT NULL PRIMARY KEY,
    email_mode    VARCHAR(16)              NOT NULL,
    language      VARCHAR(8)               NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- an organisation's group-chat robots; the signing secret sealed (SM4-GCM, notification-webhooks.key)
CREATE TABLE notification_webhook (
    id              UUID                     NOT NULL PRIMARY KEY,
    organization_id UUID                     NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    url             VARCHAR(2000)            NOT NULL,
    secret_sealed   VARCHAR(1000),
    language        VARCHAR(8)               NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_notification_webhook_org ON notification_webhook (organization_id);

CREATE TABLE notification_delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    channel         VARCHAR(16)              NOT NULL,
    user_id         UUID,
    webhook_id      UUID,
    organization_id UUID,
    task_id         UUID,
    kind            VARCHAR(200),
    args            VARCHAR(4000),
    href            VARCHAR(1000),
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notification_delivery_due ON notification_delivery (status, next_attempt_at);
CREATE INDEX ix_notification_delivery_org ON notification_delivery (organization_id, created_at);
