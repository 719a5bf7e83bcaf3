package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.jdbc.RaceWorker.Ack;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.testing.Accounts;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple4;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import javax.sql.DataSource;
import java.util.stream.LongStream;

/**
 * Checks a database against the answers its callers were given: each certificate's row is what its outbox events
 * replay to, with versions 1..n, listed for its one owner; each acknowledged write names its own event.
 */
final class OutboxAudit {

    private static final ListingQuery FIRST_PAGE = new ListingQuery(Option.none(), SortOrder.DESCENDING, 25);

    private OutboxAudit() {}

    /** Checks the rows of the certificates against their events, and answers the events by certificate. */
    static Map<CertificateId, Seq<CertificateEvent>> assertRowsReplayTheirEvents(
            DataSource dataSource, Seq<CertificateId> certificates) {
        var repository = new JdbcCertificateRepository(dataSource);
        Map<CertificateId, Seq<CertificateEvent>> events = TestDatabases.outbox(dataSource)
                .groupBy(CertificateEvent::certificateId)
                .mapValues(e -> e.sortBy(CertificateEvent::version));
        assertThat(events.keySet().toJavaSet()).containsExactlyInAnyOrderElementsOf(certificates);
        for (CertificateId id : certificates) {
            var stored = repository.find(id);
            var its = events.get(id).get();
            assertThat(its.map(CertificateEvent::version))
                    .as("versions of %s", id)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, stored.version()).boxed().toList());
            assertThat(CertificateChange.replay(its)).as("replay of %s", id).isEqualTo(stored.certificate());
            assertOneOwner(repository, stored.certificate().get());
        }
        return events;
    }

    /** The row is a certificate of one of the accounts, listed for its owner and pending target and no one else. */
    private static void assertOneOwner(JdbcCertificateRepository repository, Certificate certificate) {
        assertThat(Accounts.ALL).contains(certificate.owner());
        for (AccountId account : Accounts.ALL) {
            boolean owns = certificate.owner().equals(account);
            boolean target = certificate.pendingTarget().contains(account);
            assertThat(repository
                            .listVisibleTo(account, FIRST_PAGE)
                            .map(Certificate::id)
                            .contains(certificate.id()))
                    .as("%s visible to %s", certificate.id(), account)
                    .isEqualTo(owns || target);
            assertThat(repository
                            .listOutgoing(account, FIRST_PAGE)
                            .map(Certificate::id)
                            .contains(certificate.id()))
                    .as("%s outgoing from %s", certificate.id(), account)
                    .isEqualTo(owns && certificate.pendingTransfer().isDefined());
        }
    }

    /**
     * A write's answer names the version of its own event, of its type and actor, and no other write names it. An
     * update may also answer without writing (the status was the requested one already): then the state at that
     * version has the requested status and the caller owns it.
     */
    static void assertEveryAckExplained(Map<CertificateId, Seq<CertificateEvent>> events, Seq<Ack> acks) {
        for (Ack ack : acks) {
            var its = events.get(ack.id()).get();
            var event = its.find(e -> e.version() == ack.version());
            assertThat(event.isDefined()).as("an event for %s", ack).isTrue();
            if (ack.type() == EventType.CERTIFICATE_STATUS_CHANGED) {
                var state = CertificateChange.replay(its.filter(e -> e.version() <= ack.version()))
                        .get();
                assertThat(state.status())
                        .as("status after %s", ack)
                        .isEqualTo(ack.requested().get());
                assertThat(state.owner()).as("owner after %s", ack).isEqualTo(ack.actor());
            } else {
                assertThat(Tuple.of(event.get().type(), event.get().actor()))
                        .as("the event of %s", ack)
                        .isEqualTo(Tuple.of(ack.type(), Accounts.principal(ack.actor())));
            }
        }
        var writes = acks.filter(ack -> ack.type() != EventType.CERTIFICATE_STATUS_CHANGED)
                .groupBy(ack -> Tuple.of(ack.id(), ack.version()))
                .filterValues(claims -> claims.size() > 1);
        assertThat(writes).as("versions acknowledged to two writers").isEmpty();
    }

    /**
     * No event that no caller was told of: each has an acknowledged call of its type, actor and version (the workers
     * call as their accounts' root principals).
     */
    static void assertEveryEventAcknowledged(Map<CertificateId, Seq<CertificateEvent>> events, Seq<Ack> acks) {
        var acknowledged = acks.map(OutboxAudit::claim).toSet();
        for (CertificateEvent event : events.values().flatMap(e -> e)) {
            var status = event instanceof CertificateStatusChanged changed
                    ? Option.some(changed.to())
                    : Option.<CertificateStatus>none();
            assertThat(acknowledged)
                    .as("an acknowledged call for %s", event)
                    .contains(Tuple.of(
                            Tuple.of(event.certificateId(), event.version()), event.type(), event.actor(), status));
        }
    }

    private static Tuple4<Tuple2<CertificateId, Long>, EventType, Actor, Option<CertificateStatus>> claim(Ack ack) {
        return Tuple.of(
                Tuple.of(ack.id(), ack.version()), ack.type(), Accounts.principal(ack.actor()), ack.requested());
    }
}
