-- Optimistic locking for lifecycle records (issue 15): a duty already counts versions; it now keeps when it was
-- last changed, so a refused stale update can name the time. The needs analysis gets its version: a saved one
-- starts at 1, so version 0 can stand for "none saved yet" in an ETag and a form.
ALTER TABLE lifecycle_duty ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lifecycle_needs_analysis ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
