-- Optimistic locking for the obligations calendar and the provider selection (issue 15).
-- An obligation of a system (one row per system and kind) counts its versions: a completion names the version read.
-- It now keeps when it was last changed, so a refused stale completion can name the time.
ALTER TABLE lifecycle_obligation ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE lifecycle_obligation ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
-- An organisation's own interval for a kind is one setting, written whole: a stored one starts at 1, so 0 can stand
-- for "never set". Going back to the default keeps the row with no months, so its version keeps counting.
ALTER TABLE lifecycle_obligation_interval ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE lifecycle_obligation_interval ALTER COLUMN months DROP NOT NULL;
-- A system's provider selection (its candidates, their judgements and the decision) counts its versions as one
-- record; a selection with no row is at version 0.
CREATE TABLE lifecycle_selection (
    system_id        UUID           NOT NULL PRIMARY KEY REFERENCES cloud_system (id),
    version          INTEGER        NOT NULL,
    updated_by       VARCHAR(100)   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
