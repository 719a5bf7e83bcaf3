-- Accounts that are tenants, and events that say who acted (docs/behaviour.md, sections 6 and 9).
-- Shared by H2 2.x and PostgreSQL: standard SQL only (ALTER COLUMN ... SET DATA TYPE). Existing rows are kept as
-- they are: widening a VARCHAR changes no value.

-- An account id is 1 to 64 characters now (the host's account or tenant id), not 12 digits.
ALTER TABLE certificate ALTER COLUMN owner SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate ALTER COLUMN previous_owner SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate ALTER COLUMN transfer_source SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate ALTER COLUMN transfer_target SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate ALTER COLUMN pending_target SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate ALTER COLUMN outgoing_owner SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate_event ALTER COLUMN actor SET DATA TYPE VARCHAR(64);
ALTER TABLE certificate_event ALTER COLUMN counterparty SET DATA TYPE VARCHAR(64);

-- The acting principal's name (at most 2048 characters, stored with NUL escaped, so at most twice as long), beside
-- its account in actor. NULL for an expiry (actor 'system') and in the rows written before this version, which
-- are read as the account's root principal, arn:aws:iam::{account}:root, the only name they could have had.
ALTER TABLE certificate_event ADD COLUMN actor_name VARCHAR(4096);
