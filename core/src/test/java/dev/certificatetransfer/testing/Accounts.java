package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;

import java.util.List;

/** Three accounts for tests: an owner (Alice), a target (Bob) and a stranger (Carol). */
public final class Accounts {

    public static final AccountId ALICE = new AccountId("111111111111");
    public static final AccountId BOB = new AccountId("222222222222");
    public static final AccountId CAROL = new AccountId("333333333333");
    public static final List<AccountId> ALL = List.of(ALICE, BOB, CAROL);

    private Accounts() {}

    public static Principal principal(AccountId account) {
        return Principal.root(account);
    }
}
