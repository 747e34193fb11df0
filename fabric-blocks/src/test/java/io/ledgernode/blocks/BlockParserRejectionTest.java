package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.allValid;
import static io.ledgernode.blocks.testing.BlockFixtures.peerCopy;
import static io.ledgernode.blocks.testing.BlockFixtures.withFilter;
import static io.ledgernode.blocks.testing.SyntheticBlocks.block;
import static io.ledgernode.blocks.testing.SyntheticBlocks.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.testing.SyntheticBlocks;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.junit.jupiter.api.Test;

/** Blocks that cannot be read exactly stop the bridge: a checked exception naming the block, never a guess. */
class BlockParserRejectionTest {
    private static final byte[] PREVIOUS = new byte[32];

    @Test
    void a_block_with_one_byte_of_one_envelope_changed_is_rejected_for_its_data_hash() {
        final Block real = peerCopy("block-548.pb", allValid(16));
        final byte[] envelope = real.getData().getData(3).toByteArray();
        envelope[envelope.length / 2] ^= 0x01;
        final Block tampered = real.toBuilder()
                .setData(real.getData().toBuilder().setData(3, ByteString.copyFrom(envelope))).build();

        assertRejected(tampered, 548).hasMessageContaining("block 548").hasMessageContaining("data hash mismatch");
    }

    @Test
    void a_filter_with_one_code_too_few_or_too_many_is_rejected() {
        final Block real = peerCopy("block-548.pb", allValid(16));

        assertRejected(withFilter(real, new byte[15]), 548).hasMessageContaining("15 bytes for 16 envelopes");
        assertRejected(withFilter(real, new byte[17]), 548).hasMessageContaining("17 bytes for 16 envelopes");
    }

    @Test
    void an_unknown_validation_code_is_rejected_naming_the_envelope() {
        final byte[] filter = new byte[2];
        filter[1] = (byte) 200;

        assertRejected(withFilter(peerCopy("block-552.pb", allValid(2)), filter), 552)
                .hasMessageContaining("envelope 1: unknown validation code 200");
    }

    @Test
    void a_validation_code_byte_above_127_is_read_unsigned() throws Exception {
        final Block notValidated = withFilter(block(7, PREVIOUS, List.of(transfer("t1"))), new byte[] {(byte) 254});

        assertThat(BlockParser.parse(notValidated).transactions().getFirst().validationCode())
                .isEqualTo("NOT_VALIDATED");
    }

    @Test
    void a_garbage_envelope_is_rejected_naming_its_index() {
        final ByteString garbage = ByteString.copyFrom(new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});

        assertRejected(block(9, PREVIOUS, List.of(transfer("t1"), garbage)), 9)
                .hasMessageContaining("envelope 1: envelope is not a valid protobuf message");
    }

    @Test
    void an_envelope_without_a_payload_header_is_rejected_naming_its_index() {
        final ByteString empty = Envelope.getDefaultInstance().toByteString();

        assertRejected(block(9, PREVIOUS, List.of(empty)), 9).hasMessageContaining("envelope 0: payload has no header");
    }

    @Test
    void an_endorser_transaction_with_a_garbage_transaction_body_is_rejected() {
        final ByteString envelope = SyntheticBlocks.envelope(HeaderType.ENDORSER_TRANSACTION, "t1", "Org1MSP",
                ByteString.copyFrom(new byte[] {0x0a, 0x05, 0x01}));

        assertRejected(block(3, PREVIOUS, List.of(envelope)), 3)
                .hasMessageContaining("envelope 0: transaction is not a valid protobuf message");
    }

    @Test
    void an_endorser_transaction_without_a_tx_id_is_rejected() {
        assertRejected(block(3, PREVIOUS, List.of(transfer(""))), 3)
                .hasMessageContaining("envelope 0: endorser transaction has no tx_id");
    }

    @Test
    void a_block_without_envelopes_is_rejected() {
        assertRejected(block(4, PREVIOUS, List.of()), 4).hasMessageContaining("no envelopes");
    }

    @Test
    void a_previous_hash_that_is_not_a_sha256_is_rejected() {
        assertRejected(block(4, new byte[31], List.of(transfer("t1"))), 4)
                .hasMessageContaining("previous_hash has 31 bytes, expected 32");
        assertRejected(block(0, new byte[32], List.of(transfer("t1"))), 0)
                .hasMessageContaining("previous_hash has 32 bytes, expected 0");
    }

    @Test
    void a_block_number_above_long_max_is_named_unsigned() {
        final Block block = block(-1L, PREVIOUS, List.of(Envelope.getDefaultInstance().toByteString()));

        assertRejected(block, -1L).hasMessageStartingWith("block 18446744073709551615: envelope 0");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(final Block block,
            final long number) {
        return assertThatThrownBy(() -> BlockParser.parse(block)).isInstanceOf(BlockParseException.class)
                .satisfies(e -> assertThat(((BlockParseException) e).blockNumber()).isEqualTo(number));
    }
}
