-- One counter per series of human numbers (docs/glossary.md, "Numbers"): 'YJ' numbers assessment reports
-- (YJ-2026-000123, moved here from assessment_report_counter), 'YJ-DEL' numbers deletion certificates
-- (YJ-DEL-2026-000001). Each row is locked with SELECT ... FOR UPDATE while a number is drawn; the sequence
-- restarts every year (Beijing time).
CREATE TABLE serial_counter (
    series       VARCHAR(16) NOT NULL PRIMARY KEY,
    counter_year INTEGER     NOT NULL,
    last_value   INTEGER     NOT NULL
);
INSERT INTO serial_counter (series, counter_year, last_value)
    SELECT 'YJ', counter_year, last_value FROM assessment_report_counter WHERE id = 1;
INSERT INTO serial_counter (series, counter_year, last_value) VALUES ('YJ-DEL', 0, 0);
DROP TABLE assessment_report_counter;

-- Certificates issued before numbers existed keep none (their signed content has only the id).
ALTER TABLE exit_certificate ADD COLUMN certificate_number VARCHAR(24);
CREATE UNIQUE INDEX exit_certificate_number_uq ON exit_certificate (certificate_number);
