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
    void a_host_written_as_a_number_in_any_form_but_a_b_c_d_is_refused_even_where_private_addresses_are_allowed() {
        // 0177.0.0.1 is 127.0.0.1 to inet_aton (octal) but 177.0.0.1 to the JDK; 0x7f000001 did not resolve in the JDK.
        for (String url : List.of("http://0x7f000001:8080/x", "http://0177.0.0.1/x", "http://2130706433/x",
                "http://127.0.0.01/x", "http://0x/x")) {
            for (boolean privateAllowed : new boolean[] {false, true}) {
                assertThat(ReceiverAddresses.refusal(url, privateAllowed)).as(url).hasValueSatisfying(why ->
                        assertThat(why).contains("four decimal parts"));
            }
        }
        assertThat(ReceiverAddresses.refusal("https://93.184.216.34/hook", false)).isEmpty();
        assertThat(ReceiverAddresses.refusal("https://0x.example/hook", true)).isEmpty();
        assertThat(ReceiverAddresses.refusal("http://127.1/x", true)).hasValueSatisfying(why -> assertThat(why).contains("no host"));
    }

    @Test
    void special_purpose_ranges_embedded_ipv4_and_zones_are_refused_and_a_port_must_be_one() {
        for (String url : List.of("http://192.0.0.1/x", "http://198.18.0.1/x", "http://255.255.255.255/x", "http://240.0.0.1/x",
                "http://203.0.113.5/x", "http://[::127.0.0.1]/x", "http://[64:ff9b::7f00:1]/x", "http://[2002:7f00:1::]/x",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x")) {
            assertThat(ReceiverAddresses.refusal(url, false)).as(url).hasValueSatisfying(why -> assertThat(why).contains("private address"));
        }
        for (String url : List.of("http://[::1%25lo]:8080/", "http://[fe80::1%25eth0]/")) {
            assertThat(ReceiverAddresses.refusal(url, true)).as(url).hasValueSatisfying(why -> assertThat(why).contains("%zone"));
        }
        for (String url : List.of("http://93.184.216.34:0/x", "http://93.184.216.34:99999/x")) {
            assertThat(ReceiverAddresses.refusal(url, true)).as(url).hasValueSatisfying(why -> assertThat(why).contains("is not a port"));
        }
        assertThat(ReceiverAddresses.refusal("http://93.184.216.34:8443/x", false)).isEmpty();
    }

    @Test
    void a_receiver_nothing_listens_for_is_reported_in_words_not_as_a_java_class_name() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Optional<String> failed = Deliverer.http(java.time.Duration.ofSeconds(2), true)
                .send("http://127.0.0.1:" + closedPort + "/hook", "msg_1", 1, "v1,x", "{}");

        assertThat(failed).hasValueSatisfying(why -> assertThat(why).contains("refused the connection")
                .doesNotContain("Exception").doesNotContain("127.0.0.1"));
    }

    @Test
    void a_delivery_to_a_private_address_is_refused_without_a_request() {
        Optional<String> refused = Deliverer.http(java.time.Duration.ofSeconds(1), false)
                .send("http://127.0.0.1:1/hook", "msg_1", 1, "v1,x", "{}");
        assertThat(refused).hasValueSatisfying(why -> assertThat(why).contains("private address"));
    }
}
