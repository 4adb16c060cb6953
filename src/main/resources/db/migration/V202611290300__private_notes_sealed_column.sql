-- Customers' private notes are sealed at rest (issue 33): SM4-GCM under private-notes.key in the key directory,
-- the system id as associated data (party.internal.PrivateNotesSealing). The sealed value gets a column of its own;
-- the Java migration 202611290310 seals the existing rows into it, 202611290320 drops the clear column and
-- 202611290330 (Java) rewrites the table on PostgreSQL, whose files still held the dropped column.
-- 4,000 characters are at most 12,000 bytes of UTF-8, 12,028 sealed, 16,047 characters of Base64 with its prefix.
ALTER TABLE cloud_system_private_note ADD COLUMN notes_sealed VARCHAR(16384);
