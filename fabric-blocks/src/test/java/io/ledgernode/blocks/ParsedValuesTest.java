package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.SyntheticBlocks.block;
import static io.ledgernode.blocks.testing.SyntheticBlocks.endorserEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.blocks.testing.SyntheticBlocks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedValuesTest {

    @Test
    void records_copy_their_bytes_in_and_out() {
        final byte[] hash = new byte[] {1, 2, 3};
        final byte[] payload = new byte[] {4};
        final ParsedBlock block = new ParsedBlock(1, hash, hash, hash, List.of());
        final ChaincodeEventData event = new ChaincodeEventData("ledger", "TRANSFERRED", payload);

        hash[0] = 9;
        payload[0] = 9;
        block.headerHash()[1] = 9;
        event.payload()[0] = 8;

        assertThat(block.headerHash()).containsExactly(1, 2, 3);
        assertThat(block.previousHash()).containsExactly(1, 2, 3);
        assertThat(event.payload()).containsExactly(4);
    }

    @Test
    void records_with_equal_bytes_are_equal_and_print_them_as_hex() {
        final ParsedBlock one = new ParsedBlock(-1L, new byte[] {1}, new byte[] {2}, new byte[] {(byte) 0xab}, List.of());
        final ParsedBlock two = new ParsedBlock(-1L, new byte[] {1}, new byte[] {2}, new byte[] {(byte) 0xab}, List.of());
        final ChaincodeEventData event = new ChaincodeEventData("ledger", "MINTED", new byte[] {0x0f});

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one.toString()).contains("number=18446744073709551615", "dataHash=ab");
        assertThat(event).isEqualTo(new ChaincodeEventData("ledger", "MINTED", new byte[] {0x0f}))
                .hasSameHashCodeAs(new ChaincodeEventData("ledger", "MINTED", new byte[] {0x0f}));
        assertThat(event.toString()).contains("payload=0f");
    }

    @Test
    void a_transaction_that_sets_no_event_and_passes_no_argument_has_neither() throws Exception {
        final ParsedTransaction tx = BlockParser.parse(block(5, new byte[32],
                List.of(endorserEnvelope("t1", "ledger", List.of(), null, null)))).transactions().getFirst();

        assertThat(tx.chaincode()).isEqualTo("ledger");
        assertThat(tx.function()).isNull();
        assertThat(tx.event()).isNull();
        assertThat(tx.txId()).isEqualTo("t1");
        assertThat(tx.timestamp()).isEqualTo(Instant.ofEpochSecond(SyntheticBlocks.TIMESTAMP_SECONDS));
    }
}
