-- The e-mail address is the person's (issue 61): the tables the obligations calendar kept it in become the party
-- module's, renamed with their rows (confirmed addresses and addresses waiting for their link).
ALTER TABLE lifecycle_reminder_address RENAME TO party_email_address;
ALTER TABLE lifecycle_reminder_address_pending RENAME TO party_email_address_pending;
