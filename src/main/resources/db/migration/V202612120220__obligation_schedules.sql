-- Issue 59, findings 2 and 5: an obligation falls due as its clause says (obligations.Schedule), not always on a
-- fixed interval, and may have no due date at all.
--   EVERY_INTERVAL: periodically (every obligation so far).
--   ONCE_WITHIN: JR/T 6.3.1 / 6.4.1 "受托方应设立信息安全管理职能部门，在开展托管业务两年内宜通过信息管理体系认证…和IT服务管理
--     体系认证…": once, due two years (the interval) after its start; once done nothing further is due (the text asks
--     for no renewal). It fell due on its start date, the day it was generated.
--   ON_REQUEST: JR/T 7.3 (行业云) "受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据": due on the
--     day the customer's open request names (requested_by), nothing due while none is open. It was a monthly report.
-- due_date is null when nothing is due (a once-only duty done, a duty on request with no open request).
ALTER TABLE lifecycle_obligation ADD COLUMN schedule VARCHAR(20) DEFAULT 'EVERY_INTERVAL' NOT NULL;
ALTER TABLE lifecycle_obligation ADD COLUMN requested_by DATE;
ALTER TABLE lifecycle_obligation ALTER COLUMN due_date DROP NOT NULL;

-- The provider's certification: due the interval (24 months, "两年内", or the customer's shorter own) after the start
-- date it was generated with; none once done. The version moves on, so a form read before is stale.
UPDATE lifecycle_obligation
SET schedule = 'ONCE_WITHIN',
    due_date = CASE WHEN last_done IS NULL
                    THEN CAST(start_date + interval_months * INTERVAL '1' MONTH AS DATE) ELSE NULL END,
    version = version + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE kind = 'PROVIDER_CERTIFICATION' AND superseded_at IS NULL;

-- The 行业云 provider's evidence (JR/T 7.3; a hybrid or unspecified model takes the 行业云 subsection too, as the
-- application does): due only on the customer's request — none is recorded yet, so nothing is due. Its past
-- deliveries (last_done and the completions) stay.
UPDATE lifecycle_obligation
SET schedule = 'ON_REQUEST',
    due_date = NULL,
    requested_by = NULL,
    version = version + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE kind = 'PROVIDER_REPORT' AND superseded_at IS NULL AND valid_until IS NULL
  AND system_id IN (SELECT id FROM cloud_system WHERE industry = 'SECURITIES_FUTURES'
                    AND (deployment_model IS NULL OR deployment_model IN ('COMMUNITY', 'HYBRID')));
