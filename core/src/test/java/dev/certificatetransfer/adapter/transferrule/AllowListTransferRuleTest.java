package dev.certificatetransfer.adapter.transferrule;

import static dev.certificatetransfer.port.out.Permission.ALLOWED;
import static dev.certificatetransfer.port.out.Permission.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shipped allow-list: per target account, the source accounts it accepts transfers from. */
class AllowListTransferRuleTest {

    @Test
    void a_listed_target_accepts_only_the_sources_on_its_list() {
        var rule = AllowListTransferRule.of(Map.of(Accounts.BOB, List.of(Accounts.ALICE)));
        assertThat(rule.evaluate(Accounts.ALICE, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(ALLOWED);
        assertThat(rule.evaluate(Accounts.CAROL, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(REFUSED);
    }

    @Test
    void a_target_without_a_list_accepts_anyone_and_one_with_an_empty_list_no_one() {
        var rule = AllowListTransferRule.of(Map.of(Accounts.BOB, Set.of()));
        assertThat(rule.evaluate(Accounts.BOB, TestCertificates.id(0), Accounts.CAROL))
                .isEqualTo(ALLOWED);
        assertThat(rule.evaluate(Accounts.ALICE, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(REFUSED);
    }

    @Test
    void allowing_replaces_a_targets_list_and_leaves_the_original_rule_unchanged() {
        var original = AllowListTransferRule.empty().allowing(Accounts.BOB, Accounts.ALICE);
        var changed = original.allowing(Accounts.BOB, Accounts.CAROL);
        assertThat(changed.evaluate(Accounts.ALICE, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(REFUSED);
        assertThat(changed.evaluate(Accounts.CAROL, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(ALLOWED);
        assertThat(original.evaluate(Accounts.ALICE, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(ALLOWED);
    }
}
