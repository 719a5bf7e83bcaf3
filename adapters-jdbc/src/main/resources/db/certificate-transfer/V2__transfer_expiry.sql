-- Transfer expiry (ours: docs/behaviour.md, section 14). Shared by H2 2.x and PostgreSQL: standard SQL only.

-- The completion date of a transfer that expired (transfer_status 'EXPIRED'), as cancel_date is a cancellation's.
ALTER TABLE certificate ADD COLUMN expire_date BIGINT;

-- The sweep's key, kept by the adapter: the transfer date while a transfer is pending, NULL otherwise (and in
-- tombstones), so the index below holds the pending transfers in (transfer date, id) order and a page of due
-- transfers is one range of it, whatever the number of certificates.
ALTER TABLE certificate ADD COLUMN pending_transfer_date BIGINT;
UPDATE certificate SET pending_transfer_date = transfer_date WHERE transfer_status = 'PENDING';
CREATE INDEX certificate_by_pending_transfer_date ON certificate (pending_transfer_date, id);
