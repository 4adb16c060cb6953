-- Issue 34: what the assessor found on an item (安全问题 / 问题描述), kept apart from the reason for its risk level,
-- and the assessor's own remediation recommendation (整改建议) for it, prefilled from the catalog and edited; both
-- go with the verdict they belong to (kept for 不符合 / 部分符合 only) and are what the report prints.
ALTER TABLE assessment_item ADD COLUMN finding VARCHAR(4000);
ALTER TABLE assessment_item ADD COLUMN recommendation VARCHAR(4000);
