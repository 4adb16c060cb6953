-- Issue 38, alert life: a monitor's latency threshold (milliseconds; null: latency is not watched) and its approved
-- regions (8.4.1.2 b: one region a line, "name: range, range", the provider's published ranges; none: regions are not
-- checked).
ALTER TABLE monitor ADD COLUMN slow_above_ms INTEGER;
ALTER TABLE monitor ADD COLUMN approved_regions VARCHAR(4000);
