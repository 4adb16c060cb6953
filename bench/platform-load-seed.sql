-- Seed for bench/platform-load.sh (PostgreSQL): :systems bare cloud systems of the demo customer organisation
-- (示例市人民政府办公厅) with the demo provider, levels 1-4 in turn, one region each, every tenth named 负载… so
-- that name filters have something to find. Run with psql -v systems=2000 as the schema owner; not demo data.
INSERT INTO cloud_system (id, name, customer_id, provider_id, protection_level, deployment_model, service_model,
                          industry, data_classification, created_at, updated_at)
SELECT gen_random_uuid(),
       CASE WHEN g % 10 = 0 THEN '负载测试系统-' ELSE '压测系统-' END || lpad(g::text, 5, '0'),
       c.id, p.id, g % 4 + 1, 'PUBLIC', 'IAAS', 'GOVERNMENT_WEBSITE', 'IMPORTANT', now(), now()
FROM generate_series(1, :systems) AS g
CROSS JOIN (SELECT id FROM organization WHERE name = '示例市人民政府办公厅') c
LEFT JOIN (SELECT id FROM organization WHERE name = '示例政务云计算有限公司') p ON true;
INSERT INTO cloud_system_region (system_id, position, region)
SELECT s.id, 0, '北京' FROM cloud_system s
WHERE s.name LIKE '压测系统-%' OR s.name LIKE '负载测试系统-%'
ON CONFLICT DO NOTHING;
ANALYZE cloud_system;
ANALYZE cloud_system_region;
