package dev.certificatetransfer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.examples.adapter.Slf4jEventPublisher;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The demos beside the walkthrough run and show what the README says they show. */
class DemosTest {

    private interface Demo {
        void run() throws Exception;
    }

    private static String printed(Demo demo) throws Exception {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            demo.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_tenant_directory_lets_a_read_only_tenant_look_but_not_move_certificates() throws Exception {
        var text = printed(() -> CustomAdapterExample.main(new String[0]));

        assertThat(text)
                .containsSubsequence(
                        "Acme transfers it to Globex: ok, PENDING_TRANSFER",
                        "The read-only auditor lists its certificates: ok, 0 certificates",
                        "The read-only auditor tries to register one: refused, UNAUTHORIZED",
                        "Globex, now read-only, tries to accept: refused, UNAUTHORIZED",
                        "Acme cancels: ok, INACTIVE");
    }

    @Test
    void the_event_log_line_says_which_principal_of_which_account_acted_or_the_system() {
        var ops = new Principal(new AccountId("acme"), "tenant:acme/user:ops");
        var forger = new Principal(new AccountId("acme"), "ops\n2026-01-01 INFO forged");

        assertThat(Slf4jEventPublisher.describe(ops)).isEqualTo("tenant:acme/user:ops (account acme)");
        assertThat(Slf4jEventPublisher.describe(forger)).isEqualTo("ops\\n2026-01-01 INFO forged (account acme)");
        assertThat(Slf4jEventPublisher.describe(Actor.system())).isEqualTo("system");
    }

    @Test
    void the_jdbc_wiring_stores_the_changes_and_relays_their_events_once_in_order() throws Exception {
        var text = printed(() -> JdbcWiringExample.main(new String[0]));

        assertThat(text)
                .containsSubsequence(
                        "is INACTIVE, owned by 111111111111",
                        "backlog 3",
                        "relayed CERTIFICATE_REGISTERED v1",
                        "relayed TRANSFER_REQUESTED v2",
                        "relayed TRANSFER_CANCELLED v3",
                        "Delivered 3; a second round finds nothing: 0",
                        "Health: up, backlog 0");
    }

    @Test
    void the_http_server_serves_a_transfer_and_its_cancel_and_answers_a_second_cancel_410() throws Exception {
        var text = printed(() -> HttpServerExample.main(new String[0]));

        assertThat(text)
                .containsSubsequence(
                        "GET /health: 200 {\"status\":\"UP\",\"store\":\"memory\"}",
                        "to Bob: 200 {\"success\":true,",
                        "\"status\":\"PENDING_TRANSFER\"",
                        "Alice cancels: 200 {\"success\":true,",
                        "\"status\":\"INACTIVE\"",
                        "Alice cancels again: 410 {\"success\":false,"
                                + "\"error\":{\"code\":\"TRANSFER_ALREADY_COMPLETED\"",
                        "Stopped.");
    }

    @Test
    void policies_the_allow_list_and_expiry_refuse_what_they_should_and_the_sweep_records_the_expiry()
            throws Exception {
        var text = printed(() -> TransferRulesExample.main(new String[0]));

        assertThat(text)
                .containsSubsequence(
                        "The auditor registers a certificate: refused, UNAUTHORIZED",
                        "Carol transfers hers to Bob: refused, UNAUTHORIZED"
                                + " (the target account does not accept transfers",
                        "Alice transfers hers to Bob: ok, PENDING_TRANSFER",
                        "31 days later, the sweep records 1 expired transfer",
                        "Bob looks for it: refused, NOT_FOUND",
                        "Alice cancels: refused, TRANSFER_ALREADY_COMPLETED",
                        "(the transfer expired)");
    }
}
