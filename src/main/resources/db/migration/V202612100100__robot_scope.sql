-- Issue 57, need to know for robots: a group-chat robot hears either every system of its organisation (what every
-- robot heard before, so every existing robot keeps it) or only the systems its organisation's administrators name.
ALTER TABLE notification_webhook ADD COLUMN whole_organization BOOLEAN DEFAULT TRUE NOT NULL;

CREATE TABLE notification_webhook_system (
    webhook_id UUID NOT NULL REFERENCES notification_webhook (id) ON DELETE CASCADE,
    system_id  UUID NOT NULL,
    PRIMARY KEY (webhook_id, system_id)
);
