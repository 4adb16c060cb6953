-- The SM2 public key the customer (or a verifier it names) signs verification reports with (issue 11).
ALTER TABLE exit_project ADD COLUMN verifier_key_pem VARCHAR(4000);
ALTER TABLE exit_project ADD COLUMN verifier_key_fingerprint VARCHAR(64);
