-- An assessment may be scoped to an imported OSCAL catalog: selection CATALOG:<code> (codes up to 64 characters) and
-- requirement ids <code>:<oscal-id>.
ALTER TABLE assessment_scope ALTER COLUMN selection SET DATA TYPE VARCHAR(80);
ALTER TABLE assessment_item ALTER COLUMN requirement_id SET DATA TYPE VARCHAR(200);
