-- Issue 59, finding 3: 政府网站指南 8.2.3 c) "根据与云服务客户签订的服务协议、合同，向云服务客户提供安全服务，并定期提供服务
-- 报告" is every 云服务代理商's duty, not only the first agent's: a system may have one AGENT_SERVICE_REPORT obligation per
-- agent, so an obligation is one per system, kind and responsible organisation (the other kinds keep one per system
-- and kind, which the application ensures). Existing rows are unchanged: they already are one per system and kind.
-- The agents that had none yet are listed on the system's obligations page among the obligations to generate.
ALTER TABLE lifecycle_obligation DROP CONSTRAINT uq_lifecycle_obligation_kind;
ALTER TABLE lifecycle_obligation ADD CONSTRAINT uq_lifecycle_obligation_kind_org UNIQUE (system_id, kind, responsible_org);
