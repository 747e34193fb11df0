package io.ledgernode.node.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A caller cannot make the node send webhooks into its own network unless the node is told it may. */
class ReceiverAddressesTest {

    @Test
    void loopback_private_link_local_and_unique_local_receivers_are_refused_unless_allowed() {
        for (String url : List.of("http://127.0.0.1:8080/v1/mint", "http://localhost/x", "http://10.1.2.3/x", "http://172.16.0.1/x",
                "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data", "http://[::1]:9090/x", "http://[fd00::1]/x",
                "http://0.0.0.0/x", "http://100.64.0.1/x")) {
            assertThat(ReceiverAddresses.refusal(url, false)).as(url).hasValueSatisfying(why ->
                    assertThat(why).contains("private address").contains("node.webhooks.private-addresses-allowed"));
            assertThat(ReceiverAddresses.refusal(url, true)).as(url).isEmpty();
        }
        assertThat(ReceiverAddresses.refusal("https://93.184.216.34/hook", false)).isEmpty();
        assertThat(ReceiverAddresses.refusal("https://[2606:2800:220:1::1]/hook", false)).isEmpty();
    }

    @Test
    void a_delivery_to_a_private_address_is_refused_without_a_request() {
        Optional<String> refused = Deliverer.http(java.time.Duration.ofSeconds(1), false)
                .send("http://127.0.0.1:1/hook", "msg_1", 1, "v1,x", "{}");
        assertThat(refused).hasValueSatisfying(why -> assertThat(why).contains("private address"));
    }
}
