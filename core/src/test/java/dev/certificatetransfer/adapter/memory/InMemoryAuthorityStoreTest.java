package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.testing.AuthorityStoreContract;

/** The authority store contract, run against the in-memory adapter. */
class InMemoryAuthorityStoreTest extends AuthorityStoreContract {

    @Override
    protected AuthorityStore newStore() {
        return new InMemoryAuthorityStore();
    }
}
