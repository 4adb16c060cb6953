-- Optimistic locking (issue 15), continued: each exit checklist item is updated on its own, so it carries its own
-- version (existing rows start at 0). exit_project already has one.
ALTER TABLE exit_checklist_item ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
