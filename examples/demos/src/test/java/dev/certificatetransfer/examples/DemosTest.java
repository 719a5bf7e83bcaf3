package dev.certificatetransfer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The custom adapter and JDBC wiring demos run and show what the README says they show. */
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

        assertThat(text).containsSubsequence(
                "Acme transfers it to Globex: ok, PENDING_TRANSFER",
                "The read-only auditor lists its certificates: ok, 0 certificates",
                "The read-only auditor tries to register one: refused, UNAUTHORIZED",
                "Globex, now read-only, tries to accept: refused, UNAUTHORIZED",
                "Acme cancels: ok, INACTIVE");
    }

    @Test
    void the_jdbc_wiring_stores_the_changes_and_relays_their_events_once_in_order() throws Exception {
        var text = printed(() -> JdbcWiringExample.main(new String[0]));

        assertThat(text).containsSubsequence("is INACTIVE, owned by 111111111111",
                "relayed CERTIFICATE_REGISTERED v1", "relayed TRANSFER_REQUESTED v2", "relayed TRANSFER_CANCELLED v3",
                "Delivered 3; a second round finds nothing: 0");
    }
}
