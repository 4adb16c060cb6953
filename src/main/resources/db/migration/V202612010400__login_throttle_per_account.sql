-- issue 35 (login without locking out offices): the login throttle counts each account name at each source address
-- ("login@<address>/<name>", up to 171 characters) and every login from an address ("login@<address>") besides the
-- address's own refusals ("<address>"); the key grows to hold them. The same statement on H2 and PostgreSQL.
ALTER TABLE login_throttle ALTER COLUMN address SET DATA TYPE VARCHAR(200);
