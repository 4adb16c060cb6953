-- Seed for measuring the across-systems dashboard at scale (H2 and PostgreSQL; not demo data). Run after
-- bench/platform-load-seed.sql (the bare 压测系统-/负载测试系统- systems), as the schema owner. On PostgreSQL replace
-- RANDOM_UUID() by gen_random_uuid() (sed). Every tenth system stays without an assessment; the others get one
-- completed assessment (2021 and 2025 templates in turn) whose items are those of the demo assessment with the most
-- items, verdicts and risks varied by position and system, and remediation tasks on every third finding, due from
-- 30 days ago to 30 days ahead. Deterministic (no random numbers): the same data on both databases.
CREATE TABLE bench_seed_system AS
SELECT s.id, ROW_NUMBER() OVER (ORDER BY s.name) AS n
FROM cloud_system s WHERE s.name LIKE '压测系统-%' OR s.name LIKE '负载测试系统-%';

CREATE TABLE bench_seed_assessment AS
SELECT RANDOM_UUID() AS id, b.id AS system_id, b.n FROM bench_seed_system b WHERE MOD(b.n, 10) <> 0;

INSERT INTO assessment (id, name, system_id, assessor_org_id, assessor_kind, status, created_at, updated_at,
                        completed_at, report_template)
SELECT ba.id, '压测测评-' || CAST(ba.n AS VARCHAR(10)), ba.system_id, d.assessor_org_id, d.assessor_kind, 'COMPLETED',
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
       CASE WHEN MOD(ba.n, 2) = 0 THEN 'T2021' ELSE 'T2025' END
FROM bench_seed_assessment ba
CROSS JOIN (SELECT a.assessor_org_id, a.assessor_kind FROM assessment a
            WHERE a.id = (SELECT i.assessment_id FROM assessment_item i GROUP BY i.assessment_id
                          ORDER BY COUNT(*) DESC, i.assessment_id FETCH FIRST 1 ROWS ONLY)) d;

INSERT INTO assessment_item (id, assessment_id, position, requirement_id, side, layer, control_point, verdict,
                             risk_level, updated_at)
SELECT RANDOM_UUID(), ba.id, i.position, i.requirement_id, i.side, i.layer, i.control_point,
       CASE MOD(ba.n * 7 + i.position * 3, 11) WHEN 0 THEN NULL WHEN 1 THEN 'NOT_APPLICABLE'
            WHEN 2 THEN 'NON_COMPLIANT' WHEN 3 THEN 'PARTIALLY_COMPLIANT'
            WHEN 4 THEN CASE WHEN MOD(ba.n, 3) = 0 THEN 'NON_COMPLIANT' ELSE 'COMPLIANT' END
            ELSE 'COMPLIANT' END,
       CASE WHEN MOD(ba.n * 7 + i.position * 3, 11) IN (2, 3, 4)
            THEN CASE WHEN MOD(ba.n + i.position, 29) = 0 THEN 'HIGH' WHEN MOD(ba.n + i.position, 5) = 0
                      THEN 'MEDIUM' ELSE 'LOW' END END,
       CURRENT_TIMESTAMP
FROM bench_seed_assessment ba
CROSS JOIN (SELECT x.position, x.requirement_id, x.side, x.layer, x.control_point FROM assessment_item x
            WHERE x.assessment_id = (SELECT i.assessment_id FROM assessment_item i GROUP BY i.assessment_id
                                     ORDER BY COUNT(*) DESC, i.assessment_id FETCH FIRST 1 ROWS ONLY)) i;

INSERT INTO assessment_remediation (id, item_id, assessment_id, responsible_org_id, due_date, status, created_at,
                                    updated_at)
SELECT RANDOM_UUID(), i.id, i.assessment_id, s.customer_id,
       CAST(CURRENT_DATE + (MOD(ba.n + i.position, 60) - 30) * INTERVAL '1' DAY AS DATE),
       CASE MOD(ba.n + i.position, 4) WHEN 0 THEN 'OPEN' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'DONE' ELSE 'OPEN' END,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM assessment_item i
JOIN bench_seed_assessment ba ON ba.id = i.assessment_id
JOIN cloud_system s ON s.id = ba.system_id
WHERE i.verdict IN ('NON_COMPLIANT', 'PARTIALLY_COMPLIANT') AND MOD(i.position, 3) = 0;

DROP TABLE bench_seed_assessment;
DROP TABLE bench_seed_system;
