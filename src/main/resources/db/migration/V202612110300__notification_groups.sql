-- Issue 58 (notifications that ask someone to act, once): tasks alike reach a person as one notification while it is
-- unread (or closed before it was read). group_key names the group (e.g. the duties of one system awaiting acceptance), group_count how many tasks
-- it stands for; daily marks bulk work e-mailed in the daily digest rather than at once. A robot hears of the first
-- task of a group each day: its deliveries keep the group too.
ALTER TABLE notification ADD COLUMN group_key VARCHAR(500);
ALTER TABLE notification ADD COLUMN group_count INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE notification ADD COLUMN daily BOOLEAN DEFAULT FALSE NOT NULL;
-- read because its task closed before its reader opened it: the group's next task takes the row over
ALTER TABLE notification ADD COLUMN closed_unread BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_notification_group ON notification (user_id, group_key);
ALTER TABLE notification_delivery ADD COLUMN group_key VARCHAR(500);
CREATE INDEX ix_notification_delivery_group ON notification_delivery (webhook_id, group_key, created_at);
