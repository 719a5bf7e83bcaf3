package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.testing.Accounts;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

/** The optional per-account rate limit: off by default, a second's worth of burst, refilled with time. */
class ThrottleTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void off_admits_everything() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(Throttle.off().admits(Accounts.ALICE)).isTrue();
        }
    }

    @Test
    void an_account_gets_its_rate_per_second_and_no_more() {
        var throttle = Throttle.perAccount(3, now::get);

        assertThat(throttle.admits(Accounts.ALICE)).isTrue();
        assertThat(throttle.admits(Accounts.ALICE)).isTrue();
        assertThat(throttle.admits(Accounts.ALICE)).isTrue();
        assertThat(throttle.admits(Accounts.ALICE)).isFalse();
        assertThat(throttle.admits(Accounts.BOB)).isTrue();
        now.addAndGet(333_400_000L);
        assertThat(throttle.admits(Accounts.ALICE)).isTrue();
        assertThat(throttle.admits(Accounts.ALICE)).isFalse();
    }

    @Test
    void a_long_pause_refills_no_more_than_one_second() {
        var throttle = Throttle.perAccount(2, now::get);
        throttle.admits(Accounts.ALICE);
        now.addAndGet(3_600_000_000_000L);

        assertThat(throttle.admits(Accounts.ALICE)).isTrue();
        assertThat(throttle.admits(Accounts.ALICE)).isTrue();
        assertThat(throttle.admits(Accounts.ALICE)).isFalse();
    }

    @Test
    void a_rate_must_be_positive() {
        assertThatThrownBy(() -> Throttle.perAccount(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throttle.perAccount(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
