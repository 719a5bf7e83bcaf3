package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.spi.StoredCertificate;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import javax.sql.DataSource;
import java.util.List;

/**
 * A {@link CertificateRepository} on any JDBC database whose tables {@link JdbcMigrations} created (H2 and
 * PostgreSQL are tested), in the connection's default schema or in a {@link JdbcSchema} of their own. A commit
 * is one short transaction: a compare-and-set {@code UPDATE ... WHERE id = ? AND version = ?} (an {@code INSERT}
 * for an id never stored) and the event's row in the {@code certificate_event} outbox; on PostgreSQL both are one
 * statement, so one round trip. Zero rows changed, or a duplicate id, is a lost race: {@link CommitOutcome#CONFLICT}.
 * A deletion leaves a tombstone row holding the version. Beside the {@code certificate} row, which every change
 * rewrites, are the content a registration fixes ({@code certificate_content}) and the keys of a pending transfer
 * ({@code certificate_pending_transfer}), written only by the changes that change them (migration V4). The listings
 * and the expiry sweep's pages are ranges of indexes on the owner's certificates and on the pending transfers, so
 * they cost the page, not the table.
 *
 * <p>It is also the {@link RegistryRepository} of the service's things and policies (migration V5,
 * docs/behaviour.md#17-things-policies-and-attachments): a certificate's attachments are rows beside it, which a
 * commit that attaches or detaches writes with its compare-and-set, and which a certificate with none (its row counts
 * them) never reads. An attach commits only while its policy or thing exists, and a policy or thing is deleted only
 * while nothing is attached to it: both lock the policy's or thing's row, and the attachments' foreign keys back it up
 * ({@link AttachmentWrites}, {@link RegistryRows}).
 *
 * <p>Events are not published here: an {@link OutboxRelay} delivers the outbox. Database failures are
 * {@link JdbcRepositoryException}s; serialization failures and deadlocks are retried first (a few times, with
 * jittered backoff). The isolation level is the host's {@link DataSource}'s: read committed and serializable both
 * keep the compare-and-set exact. Thread-safe when the data source is (a connection pool is); see docs/behaviour.md,
 * sections 8 and 9.
 */
public final class JdbcCertificateRepository implements CertificateRepository, RegistryRepository {

    private final Database database;
    private final String find;
    private final JdbcSchema schema;
    private final Commits commits;
    private final KeysetListings postgresListings;
    private final KeysetListings portableListings;
    private final OwnedUsage ownedUsage;
    private final AttachmentRows attachments;
    private final RegistryRows things;
    private final RegistryRows policies;

    /**
     * A repository on the tables in the connection's default schema, migrated by {@link JdbcMigrations#migrate}.
     *
     * @param dataSource the database, typically a connection pool; each call borrows a connection and gives it back
     * @throws NullPointerException if it is null
     */
    public JdbcCertificateRepository(DataSource dataSource) {
        this(dataSource, JdbcSchema.CONNECTION_DEFAULT);
    }

    /**
     * A repository on the tables in the given schema, migrated by {@link JdbcMigrations#migrate(DataSource,
     * JdbcSchema)} with the same schema.
     *
     * @param dataSource the database, typically a connection pool; each call borrows a connection and gives it back
     * @param schema where the tables are
     * @throws NullPointerException if either is null
     */
    public JdbcCertificateRepository(DataSource dataSource, JdbcSchema schema) {
        this.database = new Database(dataSource);
        this.schema = schema;
        this.find = "SELECT " + CertificateRows.SELECTED + CertificateRows.byId(schema) + " WHERE c.id = ?";
        this.commits = new Commits(schema);
        this.postgresListings = new KeysetListings(true, schema);
        this.portableListings = new KeysetListings(false, schema);
        this.ownedUsage = new OwnedUsage(schema);
        this.attachments = new AttachmentRows(schema);
        this.things = new RegistryRows(
                schema,
                "registry_thing",
                ThingRows.COLUMNS,
                "certificate_thing",
                "thing_name",
                "certificate_thing_thing_fk");
        this.policies = new RegistryRows(
                schema,
                "registry_policy",
                PolicyRows.COLUMNS,
                "certificate_policy",
                "policy_name",
                "certificate_policy_policy_fk");
    }

    @Override
    public StoredCertificate find(CertificateId id) {
        return database.autoCommitted("Finding certificate " + id, connection -> {
            while (true) {
                CertificateRows.Loaded loaded;
                try (var statement = connection.prepareStatement(find)) {
                    statement.setString(1, id.value());
                    try (var row = statement.executeQuery()) {
                        if (!row.next()) {
                            return StoredCertificate.NEVER_STORED;
                        }
                        var found = CertificateRows.loaded(row);
                        if (found.isEmpty()) {
                            return StoredCertificate.deleted(row.getLong("version"));
                        }
                        loaded = found.get();
                    }
                }
                if (loaded.attachmentCount() == 0) {
                    return StoredCertificate.of(loaded.withoutAttachments());
                }
                var complete = attachments.complete(connection, List.of(loaded));
                if (complete.isDefined()) {
                    return StoredCertificate.of(complete.get().get(0));
                }
            }
        });
    }

    @Override
    public CommitOutcome commit(CertificateChange change) {
        String what = "Committing " + change.event().type() + " of certificate " + change.certificateId();
        return database.isPostgres()
                ? database.autoCommitted(what, connection -> commits.inOneStatement(connection, change))
                : database.inTransaction(what, connection -> commits.inTwoStatements(connection, change));
    }

    @Override
    public Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query) {
        return database.autoCommitted(
                "Listing the certificates visible to " + account,
                connection -> listings().visibleTo(connection, account, query));
    }

    @Override
    public Seq<Certificate> listOutgoing(AccountId account, ListingQuery query) {
        return database.autoCommitted(
                "Listing the outgoing certificates of " + account,
                connection -> listings().outgoing(connection, account, query));
    }

    @Override
    public Seq<Certificate> listDueTransfers(DueTransfersQuery query) {
        return database.autoCommitted(
                "Listing the pending transfers due by " + query.transferredAtOrBefore(),
                connection -> DueTransfers.page(connection, database.isPostgres(), schema, attachments, query));
    }

    @Override
    public AccountUsage usage(AccountId owner) {
        return database.autoCommitted(
                "Counting the certificates of " + owner, connection -> ownedUsage.of(connection, owner));
    }

    @Override
    public Option<Thing> findThing(AccountId owner, ThingName name) {
        return database.autoCommitted(
                "Finding thing " + name + " of " + owner,
                connection -> things.find(connection, owner.value(), name.value(), ThingRows::read));
    }

    @Override
    public CommitOutcome createThing(Thing thing) {
        boolean postgres = database.isPostgres();
        return database.autoCommitted(
                "Creating thing " + thing.name() + " of " + thing.owner(),
                connection -> things.create(connection, postgres, ThingRows.values(thing)));
    }

    @Override
    public CommitOutcome deleteThing(Thing thing) {
        String thingId = thing.thingId().toString();
        return database.inTransaction(
                "Deleting thing " + thing.name() + " of " + thing.owner(),
                connection -> things.delete(
                        connection,
                        thing.owner().value(),
                        thing.name().value(),
                        row -> thingId.equals(row.getString("thing_id"))));
    }

    @Override
    public Seq<CertificateId> listThingPrincipals(
            AccountId owner, ThingName thing, Option<CertificateId> after, int limit) {
        return database.autoCommitted(
                "Listing the principals of thing " + thing + " of " + owner,
                connection -> things.attached(connection, owner.value(), thing.value(), after, limit));
    }

    @Override
    public Option<IotPolicy> findPolicy(AccountId owner, PolicyName name) {
        return database.autoCommitted(
                "Finding policy " + name + " of " + owner,
                connection -> policies.find(connection, owner.value(), name.value(), PolicyRows::read));
    }

    @Override
    public CommitOutcome createPolicy(IotPolicy policy) {
        boolean postgres = database.isPostgres();
        return database.autoCommitted(
                "Creating policy " + policy.name() + " of " + policy.owner(),
                connection -> policies.create(connection, postgres, PolicyRows.values(policy)));
    }

    @Override
    public CommitOutcome deletePolicy(IotPolicy policy) {
        return database.inTransaction(
                "Deleting policy " + policy.name() + " of " + policy.owner(),
                connection -> policies.delete(
                        connection, policy.owner().value(), policy.name().value(), row -> true));
    }

    @Override
    public Seq<CertificateId> listPolicyTargets(
            AccountId owner, PolicyName policy, Option<CertificateId> after, int limit) {
        return database.autoCommitted(
                "Listing the targets of policy " + policy + " of " + owner,
                connection -> policies.attached(connection, owner.value(), policy.value(), after, limit));
    }

    private KeysetListings listings() {
        return database.isPostgres() ? postgresListings : portableListings;
    }
}
