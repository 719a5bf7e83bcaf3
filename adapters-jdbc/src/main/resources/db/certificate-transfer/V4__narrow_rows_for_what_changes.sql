-- A write path sized to what changes (docs/performance.md, "Where a cycle's writes go"). Shared by H2 2.x and
-- PostgreSQL: standard SQL only. Every row is kept; what moves is copied first, then dropped where it was.

-- What a registration fixes and no later change touches: the PEM and what was parsed from it. One row per
-- registered certificate (none for a tombstone); the registration inserts it and the deletion deletes it.
CREATE TABLE certificate_content (
    id                  VARCHAR(64)     NOT NULL,
    pem                 VARCHAR(131072) NOT NULL,
    not_before          BIGINT          NOT NULL,
    not_after           BIGINT          NOT NULL,
    mode                VARCHAR(16)     NOT NULL,
    CONSTRAINT certificate_content_pk PRIMARY KEY (id)
);
INSERT INTO certificate_content (id, pem, not_before, not_after, mode)
    SELECT id, pem, not_before, not_after, mode FROM certificate WHERE owner IS NOT NULL;

-- The keys of a pending transfer, kept by the adapter: one row per certificate whose transfer is pending, inserted
-- by the request and deleted by the transfer's end. The source is the owner, who sees it in its outgoing listing;
-- the target sees the certificate in its visible listing; the expiry sweep reads the due ones by transfer date.
CREATE TABLE certificate_pending_transfer (
    id                  VARCHAR(64)     NOT NULL,
    source              VARCHAR(64)     NOT NULL,
    target              VARCHAR(64)     NOT NULL,
    creation_date       BIGINT          NOT NULL,
    transfer_date       BIGINT          NOT NULL,
    CONSTRAINT certificate_pending_transfer_pk PRIMARY KEY (id)
);
INSERT INTO certificate_pending_transfer (id, source, target, creation_date, transfer_date)
    SELECT id, outgoing_owner, pending_target, creation_date, pending_transfer_date FROM certificate
    WHERE pending_target IS NOT NULL;
CREATE INDEX certificate_pending_transfer_by_target ON certificate_pending_transfer (target, creation_date, id);
CREATE INDEX certificate_pending_transfer_by_source ON certificate_pending_transfer (source, creation_date, id);
CREATE INDEX certificate_pending_transfer_by_date ON certificate_pending_transfer (transfer_date, id);

-- The certificate row keeps what a change may change, and two indexes (the id, and the owner's listing) that a
-- transfer, its cancellation, rejection or expiry and a status change leave alone: on PostgreSQL such an update is
-- a heap-only tuple (HOT) update, which writes no index entry.
ALTER TABLE certificate DROP CONSTRAINT certificate_tombstone_is_empty;
ALTER TABLE certificate DROP CONSTRAINT certificate_registered_is_complete;
DROP INDEX certificate_by_pending_target;
DROP INDEX certificate_by_outgoing_owner;
DROP INDEX certificate_by_pending_transfer_date;
ALTER TABLE certificate DROP COLUMN pending_target;
ALTER TABLE certificate DROP COLUMN outgoing_owner;
ALTER TABLE certificate DROP COLUMN pending_transfer_date;
ALTER TABLE certificate DROP COLUMN pem;
ALTER TABLE certificate DROP COLUMN not_before;
ALTER TABLE certificate DROP COLUMN not_after;
ALTER TABLE certificate DROP COLUMN mode;
ALTER TABLE certificate ADD CONSTRAINT certificate_tombstone_is_empty
    CHECK (owner IS NOT NULL OR (status IS NULL AND creation_date IS NULL));
ALTER TABLE certificate ADD CONSTRAINT certificate_registered_is_complete CHECK (owner IS NULL OR (status IS NOT NULL
    AND creation_date IS NOT NULL AND last_modified_date IS NOT NULL AND customer_version IS NOT NULL));

-- The outbox: the relay's order check (no earlier undelivered event of the same certificate) now reads the index of
-- undelivered events (delivered_at, sequence_number) instead of every earlier version of the certificate, delivered
-- ones included (which made a round cost more with each version a certificate had). The unique index on
-- (certificate_id, version) it read, the widest of the outbox's three and written by every insert and every
-- delivery, goes: the compare-and-set on the certificate's version, in the event's transaction, already admits one
-- event per version.
ALTER TABLE certificate_event DROP CONSTRAINT certificate_event_once_per_version;
