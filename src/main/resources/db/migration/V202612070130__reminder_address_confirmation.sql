-- Issue 56, finding 5: a reminder or notification address takes effect only after its owner confirms a link mailed to
-- it. lifecycle_reminder_address keeps the confirmed address (set_at: when it was confirmed); an address asked for
-- and not yet confirmed waits here, with the SM3 hash (hex) of the link's single-use token. Mail goes only to the
-- confirmed address.
CREATE TABLE lifecycle_reminder_address_pending (
    user_id       UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    token_hash    VARCHAR(64),
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_lifecycle_reminder_pending_hash UNIQUE (token_hash)
);

-- Addresses stored before the rule were never proven: they wait for confirmation like a new one, with no link out
-- (token_hash NULL, already expired); the calendar and settings pages ask their owners to send the link.
INSERT INTO lifecycle_reminder_address_pending (user_id, email, token_hash, requested_at, expires_at)
    SELECT user_id, email, NULL, set_at, set_at FROM lifecycle_reminder_address;
DELETE FROM lifecycle_reminder_address;
