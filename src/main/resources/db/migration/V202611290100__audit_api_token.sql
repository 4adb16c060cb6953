-- Issue 33: an entry made through an API token names the token (its id and name) beside the user, so that an
-- auditor tells a token's actions from a person's. Both stay NULL for every older entry and for entries made by a
-- login session, the command line or background work; the MAC input of such an entry is unchanged (Canonical).
ALTER TABLE audit_event ADD COLUMN api_token_id UUID;
ALTER TABLE audit_event ADD COLUMN api_token_name VARCHAR(100);
