-- Website monitoring's deep checks (issue 38: the crawled pages, linked attachments, dead links) cost many fetches,
-- so a probe runs them only when the page differs from the one they last ran on or they last ran long ago: the SM3
-- of what they read of that page (its links) and when they ran.
ALTER TABLE monitor ADD COLUMN deep_checked_sm3 VARCHAR(64);
ALTER TABLE monitor ADD COLUMN deep_checked_at TIMESTAMP WITH TIME ZONE;
