-- The assessor's risk description is the assessor's record; the customer's word on a finding is its own field
-- (issue 58): who wrote each and when. Existing descriptions keep their text without an author (written before).
ALTER TABLE assessment_risk ADD COLUMN description_by_name VARCHAR(200);
ALTER TABLE assessment_risk ADD COLUMN description_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE assessment_risk ADD COLUMN customer_statement VARCHAR(4000);
ALTER TABLE assessment_risk ADD COLUMN statement_by_name VARCHAR(200);
ALTER TABLE assessment_risk ADD COLUMN statement_at TIMESTAMP WITH TIME ZONE;
