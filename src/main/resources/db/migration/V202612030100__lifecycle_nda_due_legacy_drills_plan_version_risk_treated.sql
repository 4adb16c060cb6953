-- issue 36 fin-lifecycle.
--
-- 1. JR/T 6.3.4 / 6.4.4 "保密协议应有明确的有效周期。": the NDA renewal obligation takes its due date from the NDA's
--    recorded last day of validity (valid_until) less a lead (lead_days, a configurable default); null for every
--    other obligation.
ALTER TABLE lifecycle_obligation ADD COLUMN valid_until DATE;
ALTER TABLE lifecycle_obligation ADD COLUMN lead_days INTEGER;

-- 2. 政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次": a government website's single EMERGENCY_DRILL
--    obligation of before the per-category drills (any drill completed it) is superseded: it stays with its
--    completions as history (superseded_at set; the application reads only rows where it is null), and the system
--    gets one obligation per typical category (DrillCategory) where it has none yet — performed by the legacy row's
--    organisation, first due when the legacy row was next due, at most every 24 months (the guide's 两年). Drills
--    recorded before have no category and satisfy none of them; no drill is deleted.
--    The new rows' ids are the legacy row's id with its first two hex digits replaced per category (d1…d6): portable
--    SQL (H2 and PostgreSQL have no common UUID generator), the same on every run, distinct from the random ids.
ALTER TABLE lifecycle_obligation ADD COLUMN superseded_at TIMESTAMP WITH TIME ZONE;

INSERT INTO lifecycle_obligation (id, system_id, kind, responsible_org, start_date, interval_months, due_date,
                                  created_by, created_at, version)
SELECT CAST(k.prefix || SUBSTRING(CAST(o.id AS VARCHAR(36)) FROM 3) AS UUID), o.system_id, k.kind,
       o.responsible_org, o.due_date, LEAST(o.interval_months, 24), o.due_date, 'upgrade V202612030100',
       CURRENT_TIMESTAMP, 0
FROM lifecycle_obligation o
JOIN cloud_system s ON s.id = o.system_id
CROSS JOIN (VALUES ('d1', 'DRILL_MALWARE'), ('d2', 'DRILL_NETWORK_ATTACK'), ('d3', 'DRILL_INFORMATION_DESTRUCTION'),
                   ('d4', 'DRILL_INFORMATION_CONTENT'), ('d5', 'DRILL_EQUIPMENT_FAILURE'), ('d6', 'DRILL_DISASTER'))
     AS k (prefix, kind)
WHERE o.kind = 'EMERGENCY_DRILL' AND s.industry = 'GOVERNMENT_WEBSITE' AND o.superseded_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM lifecycle_obligation x WHERE x.system_id = o.system_id AND x.kind = k.kind);

UPDATE lifecycle_obligation SET superseded_at = CURRENT_TIMESTAMP
WHERE kind = 'EMERGENCY_DRILL' AND superseded_at IS NULL
  AND system_id IN (SELECT id FROM cloud_system WHERE industry = 'GOVERNMENT_WEBSITE');

-- 3. A plan's own version: adding duties to a plan made before (duties or role holders registered later) names the
--    version of the plan it read (If-Match), so two people do not add the same duties twice unseen.
ALTER TABLE lifecycle_plan ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;

-- 4. The migration risk register: a risk's treatment carried out (it then waits on nobody).
ALTER TABLE lifecycle_migration_risk ADD COLUMN treated_on DATE;
ALTER TABLE lifecycle_migration_risk ADD COLUMN treated_by VARCHAR(200);
