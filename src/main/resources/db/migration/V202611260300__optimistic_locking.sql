-- Optimistic locking (issue 15): every record an update replaces carries an integer version that each update
-- increments; an update names the version it read and writes WHERE id = ? AND version = ?. Tables that had no
-- version column get one here (existing rows start at 0).
ALTER TABLE cloud_system_private_note ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
