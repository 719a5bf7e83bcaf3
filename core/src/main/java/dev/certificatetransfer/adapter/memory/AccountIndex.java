package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.ListingKey;
import dev.certificatetransfer.port.ListingQuery;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * One listing's index: for each account, the sorted listing keys of the certificates its listing holds (which
 * accounts those are is the {@code members} function), so a page costs its own size plus a logarithmic seek,
 * whatever its offset and however many certificates the account holds outside this listing. Updated only under
 * the certificate's commit lock; readers re-check each entry against the current certificate, so a concurrent
 * commit can hide an entry from one listing but never show a wrong or duplicated one.
 */
final class AccountIndex {

    private final ConcurrentHashMap<AccountId, ConcurrentSkipListSet<ListingKey>> keysByAccount = new ConcurrentHashMap<>();
    private final Function<Certificate, List<AccountId>> members;

    /** An index whose listing of an account holds the certificates for which {@code members} names the account. */
    AccountIndex(Function<Certificate, List<AccountId>> members) {
        this.members = members;
    }

    /** Moves the certificate's key between the accounts whose listing holds it; {@code null} stands for "absent". */
    void update(Certificate before, Certificate after) {
        List<AccountId> was = before == null ? List.of() : members.apply(before);
        List<AccountId> is = after == null ? List.of() : members.apply(after);
        if (was.equals(is)) {
            return;
        }
        for (int i = 0; i < was.size(); i++) {
            if (!is.contains(was.get(i))) {
                keysOf(was.get(i)).remove(before.listingKey());
            }
        }
        for (int i = 0; i < is.size(); i++) {
            if (!was.contains(is.get(i))) {
                keysOf(is.get(i)).add(after.listingKey());
            }
        }
    }

    /** Up to {@code query.limit()} certificates in the account's listing now, in the query's order after its key. */
    Seq<Certificate> list(AccountId account, ListingQuery query, Function<CertificateId, Certificate> current) {
        var keys = keysByAccount.get(account);
        if (keys == null) {
            return Array.empty();
        }
        var found = new ArrayList<Certificate>(Math.min(query.limit(), 256));
        for (ListingKey key : from(keys, query)) {
            var certificate = current.apply(key.certificateId());
            if (isListed(certificate, key, account)) {
                found.add(certificate);
                if (found.size() == query.limit()) {
                    break;
                }
            }
        }
        return Array.ofAll(found);
    }

    /**
     * Whether an entry read from the index still stands for the current certificate: it exists, it has the same
     * key (a certificate deleted and registered again has a new creation date, hence a new key), and the
     * account's listing still holds it.
     */
    boolean isListed(Certificate certificate, ListingKey key, AccountId account) {
        return certificate != null && certificate.listingKey().equals(key) && members.apply(certificate).contains(account);
    }

    private static NavigableSet<ListingKey> from(ConcurrentSkipListSet<ListingKey> keys, ListingQuery query) {
        NavigableSet<ListingKey> ordered = query.order() == ListingQuery.SortOrder.ASCENDING ? keys : keys.descendingSet();
        return query.after().isDefined() ? ordered.tailSet(query.after().get(), false) : ordered;
    }

    private ConcurrentSkipListSet<ListingKey> keysOf(AccountId account) {
        var keys = keysByAccount.get(account);
        return keys != null ? keys : keysByAccount.computeIfAbsent(account, a -> new ConcurrentSkipListSet<>());
    }
}
