-- Issue 57, point 4: what stands for the provider is done by a person of the provider, and the page shows who — the
-- provider's manifest signing key names who of the provider registered it (user name; older keys: unknown).
ALTER TABLE exit_project ADD COLUMN provider_key_registered_by VARCHAR(200);
