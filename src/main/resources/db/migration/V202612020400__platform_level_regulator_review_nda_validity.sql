-- issue 36 rules: JR/T 6.1 / 7.2 — the 等保 level of the cloud platform carrying a system (optional; checked
-- against the system's own level on securities/futures systems); GOV 8.2.2 b) — a major change of the provider's
-- service and the regulator's review (监管部门审核) recorded with the customer's approval.
ALTER TABLE cloud_system ADD COLUMN platform_level INTEGER;
ALTER TABLE lifecycle_supervision_change ADD COLUMN major BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE lifecycle_supervision_change ADD COLUMN regulator_reviewed_on DATE;
ALTER TABLE lifecycle_supervision_change ADD COLUMN regulator_reference VARCHAR(200);
-- JR/T 6.3.4 / 6.4.4 "保密协议应有明确的有效周期。": the NDA's validity recorded with its clause review.
ALTER TABLE lifecycle_contract_clause ADD COLUMN valid_from DATE;
ALTER TABLE lifecycle_contract_clause ADD COLUMN valid_until DATE;
