-- After 202611290310 sealed every row: the clear column goes, and the column that is left holds sealed values only.
ALTER TABLE cloud_system_private_note DROP COLUMN notes;
ALTER TABLE cloud_system_private_note ALTER COLUMN notes_sealed SET NOT NULL;
ALTER TABLE cloud_system_private_note ADD CONSTRAINT ck_private_note_sealed CHECK (notes_sealed LIKE 'sm4gcm:%');
