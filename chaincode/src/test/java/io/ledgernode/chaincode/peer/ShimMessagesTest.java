package io.ledgernode.chaincode.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.chaincode.testing.FakeLedger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chaincode can send a transaction's own messages with the fabric-chaincode-shim it is built with. If an upgrade
 * of the shim moves the members this uses, this fails: batching would otherwise silently stop.
 */
class ShimMessagesTest {

    @Test
    void this_shim_lets_a_transaction_send_messages_of_its_own() {
        assertThat(ShimMessages.unavailable()).isEmpty();
    }

    @Test
    void a_stub_that_is_not_the_shims_has_no_stream_to_send_on() {
        assertThat(ShimMessages.sender(new FakeLedger().simulate("tx", Instant.EPOCH, new byte[0], List.of())))
                .isEmpty();
    }
}
