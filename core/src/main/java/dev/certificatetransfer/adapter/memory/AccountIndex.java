package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.ListingKey;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.Visibility;
import dev.certificatetransfer.port.ListingQuery;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * For each account, the sorted listing keys of the certificates it can see ({@link Visibility}: it owns them,
 * or they are pending transfer to it), so a page costs its own size, whatever its offset. Updated only under
 * the certificate's commit lock; readers re-check visibility against the current certificate, so a concurrent
 * commit can hide an entry from one listing but never show a wrong one.
 */
final class AccountIndex {

    private final ConcurrentHashMap<AccountId, ConcurrentSkipListSet<ListingKey>> keysByAccount = new ConcurrentHashMap<>();

    /** Moves the certificate's key between the accounts that see it; {@code null} stands for "absent". */
    void update(Certificate before, Certificate after) {
        List<AccountId> was = before == null ? List.of() : accountsSeeing(before);
        List<AccountId> is = after == null ? List.of() : accountsSeeing(after);
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

    /** Up to {@code query.limit()} certificates the account sees now that are also {@code wanted}. */
    Seq<Certificate> list(AccountId account, ListingQuery query, Function<CertificateId, Certificate> current,
            Predicate<Certificate> wanted) {
        var keys = keysByAccount.get(account);
        if (keys == null) {
            return Array.empty();
        }
        var found = new ArrayList<Certificate>(Math.min(query.limit(), 256));
        for (ListingKey key : from(keys, query)) {
            var certificate = current.apply(key.certificateId());
            if (certificate != null && certificate.listingKey().equals(key)
                    && Visibility.isVisibleTo(certificate, account) && wanted.test(certificate)) {
                found.add(certificate);
                if (found.size() == query.limit()) {
                    break;
                }
            }
        }
        return Array.ofAll(found);
    }

    /** The accounts for which {@link Visibility#isVisibleTo} holds, without building Options on the commit path. */
    private static List<AccountId> accountsSeeing(Certificate c) {
        return c.lastTransfer().getOrNull() instanceof Transfer.Pending pending
                ? List.of(c.owner(), pending.target())
                : List.of(c.owner());
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
