-- The service's own registry (docs/behaviour.md#17-things-policies-and-attachments) and the deployment's CA
-- (docs/behaviour.md#16-certificates-the-deployment-issues). Shared by H2 2.x and PostgreSQL: standard SQL only.
-- Every existing row is kept; certificates come out of it with nothing attached.

-- An account's things, by name. thing_id is the UUID a creation gave it (a thing created again under the same name
-- gets another); attributes are its name=value pairs, one per line, by name (names hold no '=', neither holds a line
-- break). Nothing served here changes a thing, so version stays 1.
CREATE TABLE registry_thing (
    owner               VARCHAR(64)     NOT NULL,
    name                VARCHAR(128)    NOT NULL,
    thing_id            VARCHAR(36)     NOT NULL,
    attributes          VARCHAR(65536)  NOT NULL,
    version             BIGINT          NOT NULL,
    creation_date       BIGINT          NOT NULL,
    CONSTRAINT registry_thing_pk PRIMARY KEY (owner, name)
);

-- An account's policies, by name: the document as its creator wrote it (a JSON object, so no NUL).
CREATE TABLE registry_policy (
    owner               VARCHAR(64)     NOT NULL,
    name                VARCHAR(128)    NOT NULL,
    document            VARCHAR(1048576) NOT NULL,
    creation_date       BIGINT          NOT NULL,
    CONSTRAINT registry_policy_pk PRIMARY KEY (owner, name)
);

-- The attachments: one row per policy attached to a certificate, and per thing a certificate is attached to, of the
-- certificate's owner. A commit that attaches inserts the row in the same transaction as the certificate's
-- compare-and-set; one that detaches, or deletes the certificate, deletes it. The foreign keys make the database
-- refuse an attachment to a policy or thing that is gone, and the deletion of one that is attached (NO ACTION), so an
-- attach racing DeletePolicy or DeleteThing has one outcome. The primary keys are the listings of a policy's targets
-- and of a thing's principals, by certificate id; the second indexes are a certificate's own attachments.
CREATE TABLE certificate_policy (
    owner               VARCHAR(64)     NOT NULL,
    policy_name         VARCHAR(128)    NOT NULL,
    certificate_id      VARCHAR(64)     NOT NULL,
    CONSTRAINT certificate_policy_pk PRIMARY KEY (owner, policy_name, certificate_id),
    CONSTRAINT certificate_policy_policy_fk FOREIGN KEY (owner, policy_name) REFERENCES registry_policy (owner, name),
    CONSTRAINT certificate_policy_certificate_fk FOREIGN KEY (certificate_id) REFERENCES certificate (id)
);
CREATE INDEX certificate_policy_by_certificate ON certificate_policy (certificate_id);

CREATE TABLE certificate_thing (
    owner               VARCHAR(64)     NOT NULL,
    thing_name          VARCHAR(128)    NOT NULL,
    certificate_id      VARCHAR(64)     NOT NULL,
    CONSTRAINT certificate_thing_pk PRIMARY KEY (owner, thing_name, certificate_id),
    CONSTRAINT certificate_thing_thing_fk FOREIGN KEY (owner, thing_name) REFERENCES registry_thing (owner, name),
    CONSTRAINT certificate_thing_certificate_fk FOREIGN KEY (certificate_id) REFERENCES certificate (id)
);
CREATE INDEX certificate_thing_by_certificate ON certificate_thing (certificate_id);

-- How many policies and things are attached to the certificate (0 in a tombstone), on its narrow row, so that
-- reading a certificate with none attached (every certificate a transfer moves) reads no attachment row.
ALTER TABLE certificate ADD COLUMN attachment_count INTEGER DEFAULT 0 NOT NULL;

-- The outbox: the policy of a PolicyAttached or PolicyDetached event, the thing of a ThingAttached or ThingDetached.
ALTER TABLE certificate_event ADD COLUMN attached_name VARCHAR(128);

-- The deployment's CA: at most one row, inserted once by the first process to start (AuthorityStore.saveIfAbsent).
CREATE TABLE certificate_authority (
    id                  INTEGER         NOT NULL,
    certificate_pem     VARCHAR(65536)  NOT NULL,
    private_key_pem     VARCHAR(65536)  NOT NULL,
    CONSTRAINT certificate_authority_pk PRIMARY KEY (id),
    CONSTRAINT certificate_authority_one_row CHECK (id = 1)
);
