-- Optimistic locking for the remaining lifecycle records (issue 15): each updatable record counts its versions, and
-- an update names the version it replaces (WHERE version = ?). Existing rows start at 0, as new rows do.
ALTER TABLE lifecycle_emergency_plan ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE lifecycle_drill_task ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
-- a system's migration plan is one row written whole: a saved one starts at 1, so 0 can stand for "none saved yet"
ALTER TABLE lifecycle_migration_plan ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE lifecycle_migration_step ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
-- a contract clause's review is one row per clause, written whole: a stored one starts at 1, 0 means "not reviewed"
ALTER TABLE lifecycle_contract_clause ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE lifecycle_supervision_report ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE lifecycle_supervision_change ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
