-- Human report numbers YJ-<year>-<6-digit sequence> (docs/modules/assessment.md, "Report numbers"):
-- one per assessment, assigned once; the sequence restarts each year. One counter row, locked with
-- SELECT ... FOR UPDATE while a number is drawn (portable: no database-specific sequence syntax, and no
-- insert race because the row always exists).
CREATE TABLE assessment_report_counter (
    id           INTEGER NOT NULL PRIMARY KEY,
    counter_year INTEGER NOT NULL,
    last_value   INTEGER NOT NULL
);
INSERT INTO assessment_report_counter (id, counter_year, last_value) VALUES (1, 0, 0);

ALTER TABLE assessment ADD COLUMN report_number VARCHAR(20);
CREATE UNIQUE INDEX assessment_report_number_uq ON assessment (report_number);
