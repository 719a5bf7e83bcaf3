-- Shared by H2 2.x and PostgreSQL: standard SQL only.
-- Times are epoch milliseconds (BIGINT): the core dates every change to the millisecond, and a BIGINT
-- round-trips it exactly on every database, with no time zone or precision rules in between.
-- Messages and reasons are stored with NUL escaped (see NulEscapedText): PostgreSQL refuses NUL in text.

-- One row per certificate id ever stored. A deleted certificate leaves a tombstone: its id and the version of
-- its deletion, every other column NULL (owner NULL, so no listing sees it), so a version is never reused.
CREATE TABLE certificate (
    id                  VARCHAR(64)     NOT NULL,
    version             BIGINT          NOT NULL,
    owner               VARCHAR(12),
    pem                 VARCHAR(131072),
    not_before          BIGINT,
    not_after           BIGINT,
    mode                VARCHAR(16),
    previous_owner      VARCHAR(12),
    status              VARCHAR(24),
    creation_date       BIGINT,
    last_modified_date  BIGINT,
    customer_version    BIGINT,
    -- the most recent transfer; transfer_status NULL if never transferred
    transfer_status     VARCHAR(16),
    transfer_source     VARCHAR(12),
    transfer_target     VARCHAR(12),
    transfer_message    VARCHAR(512),
    transfer_date       BIGINT,
    accept_date         BIGINT,
    reject_date         BIGINT,
    cancel_date         BIGINT,
    reject_reason       VARCHAR(512),
    -- listing keys kept by the adapter: the target while a transfer is pending, the owner while it is pending
    pending_target      VARCHAR(12),
    outgoing_owner      VARCHAR(12),
    CONSTRAINT certificate_pk PRIMARY KEY (id),
    CONSTRAINT certificate_version_positive CHECK (version > 0),
    CONSTRAINT certificate_tombstone_is_empty CHECK (owner IS NOT NULL OR (pem IS NULL AND status IS NULL
        AND creation_date IS NULL AND pending_target IS NULL AND outgoing_owner IS NULL)),
    CONSTRAINT certificate_registered_is_complete CHECK (owner IS NULL OR (pem IS NOT NULL AND status IS NOT NULL
        AND creation_date IS NOT NULL AND last_modified_date IS NOT NULL AND customer_version IS NOT NULL))
);

-- Keyset listings: (account, creation_date, id) ranges, in either direction.
CREATE INDEX certificate_by_owner ON certificate (owner, creation_date, id);
CREATE INDEX certificate_by_pending_target ON certificate (pending_target, creation_date, id);
CREATE INDEX certificate_by_outgoing_owner ON certificate (outgoing_owner, creation_date, id);

-- The outbox: one row per committed change, written in the change's transaction. Each event's own fields are
-- columns, so the relay rebuilds it exactly. delivered_at stays NULL until the relay has published it.
CREATE TABLE certificate_event (
    sequence_number     BIGINT          GENERATED ALWAYS AS IDENTITY,
    certificate_id      VARCHAR(64)     NOT NULL,
    version             BIGINT          NOT NULL,
    type                VARCHAR(32)     NOT NULL,
    actor               VARCHAR(12)     NOT NULL,
    occurred_at         BIGINT          NOT NULL,
    status_before       VARCHAR(24),
    status_after        VARCHAR(24),
    -- the other party: the target of a request or a cancellation, the source of an acceptance or a rejection
    counterparty        VARCHAR(12),
    transfer_message    VARCHAR(512),
    reject_reason       VARCHAR(512),
    pem                 VARCHAR(131072),
    not_before          BIGINT,
    not_after           BIGINT,
    mode                VARCHAR(16),
    delivered_at        BIGINT,
    CONSTRAINT certificate_event_pk PRIMARY KEY (sequence_number),
    CONSTRAINT certificate_event_once_per_version UNIQUE (certificate_id, version)
);

-- The relay's scan: undelivered events in sequence order.
CREATE INDEX certificate_event_undelivered ON certificate_event (delivered_at, sequence_number);
