-- The report template an assessment follows (issue 14 item 5): T2025 — 《网络安全等级测评报告模版（2025版）》, required
-- for contracts signed since 2025-03-20 — or T2021 for older contracts; and the contract (委托) date it was chosen by.
-- The template also selects the scoring policy (T2025: mlps-2025, T2021: gb-default). Existing assessments keep
-- the 2021 template and gb-default v1, so their conclusions (优 / 良 / 中 / 差) do not change under them.
ALTER TABLE assessment ADD COLUMN report_template VARCHAR(10) DEFAULT 'T2021' NOT NULL;
ALTER TABLE assessment ADD COLUMN contract_date DATE;
ALTER TABLE assessment ALTER COLUMN report_template SET DEFAULT 'T2025';
