-- Issue 59 (periodic duties fall due at the wrong time), finding 1: where a sector guide states a duty's interval, that
-- interval is the duty's default — not a shorter platform default shown as if it were the text's.
--   政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次": the per-category drills every 24 months
--   (they ran on the 12-month drill default, so a drill held 14 months ago read 已逾期).
--   JR/T 6.3.1 / 6.4.1 "每年评估受托方提供的云服务": the provider evaluation every 12 months.
-- Only rows whose customer has set no interval of its own for the kind (an own interval, within the maximum, stays);
-- the stored due date is recomputed as the domain type computes it (last completion + interval, or the start date
-- if never done); the version moves on, so a form read before the upgrade is stale.
UPDATE lifecycle_obligation
SET interval_months = 24,
    due_date = CASE WHEN last_done IS NULL THEN start_date ELSE CAST(last_done + INTERVAL '24' MONTH AS DATE) END,
    version = version + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE kind IN ('DRILL_MALWARE', 'DRILL_NETWORK_ATTACK', 'DRILL_INFORMATION_DESTRUCTION', 'DRILL_INFORMATION_CONTENT',
               'DRILL_EQUIPMENT_FAILURE', 'DRILL_DISASTER')
  AND interval_months <> 24 AND superseded_at IS NULL AND valid_until IS NULL
  AND system_id IN (SELECT id FROM cloud_system WHERE industry = 'GOVERNMENT_WEBSITE')
  AND NOT EXISTS (SELECT 1 FROM lifecycle_obligation_interval i JOIN cloud_system s ON s.customer_id = i.organization_id
                  WHERE s.id = lifecycle_obligation.system_id AND i.kind = lifecycle_obligation.kind
                    AND i.months IS NOT NULL);

UPDATE lifecycle_obligation
SET interval_months = 12,
    due_date = CASE WHEN last_done IS NULL THEN start_date ELSE CAST(last_done + INTERVAL '12' MONTH AS DATE) END,
    version = version + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE kind = 'PROVIDER_EVALUATION'
  AND interval_months <> 12 AND superseded_at IS NULL AND valid_until IS NULL
  AND system_id IN (SELECT id FROM cloud_system WHERE industry = 'SECURITIES_FUTURES')
  AND NOT EXISTS (SELECT 1 FROM lifecycle_obligation_interval i JOIN cloud_system s ON s.customer_id = i.organization_id
                  WHERE s.id = lifecycle_obligation.system_id AND i.kind = lifecycle_obligation.kind
                    AND i.months IS NOT NULL);
