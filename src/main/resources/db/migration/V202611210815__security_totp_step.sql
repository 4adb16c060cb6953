-- The last TOTP time step an account used, so that each one-time code is accepted only once.
ALTER TABLE user_account ADD COLUMN totp_last_step BIGINT;
