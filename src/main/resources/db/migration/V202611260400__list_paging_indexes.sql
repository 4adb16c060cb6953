-- Paginated, filtered lists (issue 15): the system list pages by name and filters by level and engagement phase.
CREATE INDEX ix_cloud_system_name ON cloud_system (name, id);
CREATE INDEX ix_cloud_system_level ON cloud_system (protection_level);
CREATE INDEX ix_engagement_phase ON engagement (phase, system_id);
