-- Every e-mail through the delivery rows (issue 61): invitations, obligation reminders and address confirmations are
-- written here as prepared mails (the address, the subject and the body, rendered in the reader's language) and sent,
-- retried and audited like the notifications. The body (which may carry a one-time link) is cleared once the row is
-- finished.
ALTER TABLE notification_delivery ADD COLUMN recipient VARCHAR(320);
ALTER TABLE notification_delivery ADD COLUMN subject VARCHAR(1000);
ALTER TABLE notification_delivery ADD COLUMN body VARCHAR(8000);
