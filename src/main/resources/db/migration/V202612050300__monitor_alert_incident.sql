-- issue 38: a tampering or availability alert opens at most one supervision incident (T/CCIA 004-2024 Annex B),
-- recorded in the responsibility module; the alert keeps its id (no foreign key across modules: incidents are never
-- deleted, and the alert's page shows the incident only to those who may see it)
ALTER TABLE monitor_alert ADD COLUMN incident_id UUID;
