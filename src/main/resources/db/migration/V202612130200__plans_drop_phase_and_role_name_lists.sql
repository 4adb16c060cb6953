-- Issue 59, "still partly wrong": JR/T 4.2 "证券期货机构应用云计算技术的过程可分为四个阶段：规划准备；服务获取；运行监督；
-- 服务退出。", JR/T 4.3 "云服务安全管理的主要角色包括：受托方；委托方。" and the government-website guide's 5.4 ¶1
-- "政府网站采用云计算服务的过程可分为四个阶段：" name phases and roles; they bind nobody. The catalog now marks them
-- DEFINITION (informative text) and a new plan leaves them out; this removes them from the plans made before, where nobody
-- has commented on them or attached evidence to them yet (such a row stays, for a person to waive, so that nothing a user
-- wrote is lost).
DELETE FROM lifecycle_duty
WHERE requirement_id IN ('JRT-SF-4.2-1', 'JRT-SF-4.2-1-1', 'JRT-SF-4.2-1-2', 'JRT-SF-4.2-1-3', 'JRT-SF-4.2-1-4',
                         'JRT-SF-4.3-1', 'JRT-SF-4.3-1-1', 'JRT-SF-4.3-1-2', 'GOVWEB-5.4-1')
  AND NOT EXISTS (SELECT 1 FROM lifecycle_duty_comment c WHERE c.duty_id = lifecycle_duty.id)
  AND NOT EXISTS (SELECT 1 FROM lifecycle_duty_evidence e WHERE e.duty_id = lifecycle_duty.id);
