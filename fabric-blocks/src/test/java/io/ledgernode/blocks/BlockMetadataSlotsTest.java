package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.allValid;
import static io.ledgernode.blocks.testing.BlockFixtures.ordererCopy;
import static io.ledgernode.blocks.testing.BlockFixtures.peerCopy;
import static org.assertj.core.api.Assertions.assertThat;

import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.junit.jupiter.api.Test;

/** The metadata slots of real blocks of channel {@code ledger}. */
class BlockMetadataSlotsTest {

    @Test
    void the_orderer_signs_the_blocks_it_cuts_but_not_the_genesis_block_which_is_its_own_last_configuration() throws Exception {
        Block genesis = ordererCopy("block-0.pb");
        Block transfers = ordererCopy("block-548.pb");

        // configtxgen writes the genesis block; no orderer has cut (or signed) it.
        assertThat(BlockMetadataSlots.signatures(genesis).getSignaturesCount()).isZero();
        assertThat(BlockMetadataSlots.signatures(transfers).getSignaturesCount()).isPositive();
        assertThat(BlockMetadataSlots.lastConfigIndex(genesis)).isZero();
        assertThat(BlockMetadataSlots.lastConfigIndex(transfers)).isBetween(0L, 548L);
    }

    @Test
    void the_validation_flags_are_the_peers_filter_one_byte_per_envelope() {
        Block block = peerCopy("block-548.pb", allValid(16));

        assertThat(BlockMetadataSlots.validationFlags(block).size()).isEqualTo(16);
        assertThat(BlockMetadataSlots.validationFlags(ordererCopy("block-548.pb")).isEmpty()).isTrue();
        assertThat(BlockMetadataSlots.slot(block, BlockMetadataIndex.TRANSACTIONS_FILTER))
                .isEqualTo(BlockMetadataSlots.validationFlags(block));
    }
}
