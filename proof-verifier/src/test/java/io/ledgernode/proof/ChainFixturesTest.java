package io.ledgernode.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.proof.bundle.BundleReader;
import io.ledgernode.proof.bundle.ProofBundle;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

/** Fabric's hashes as the real network made them: each header's hash is the next header's previous hash. */
class ChainFixturesTest {

    @Test
    void every_carried_header_hashes_to_the_next_ones_previous_hash() throws Exception {
        ProofBundle bundle = BundleReader.read(Fixtures.bundle("mvcc-invalid"));

        for (int i = 1; i < bundle.headers().size(); i++) {
            BlockHeader previous = bundle.headers().get(i - 1);
            assertThat(bundle.headers().get(i).getPreviousHash()).isEqualTo(BlockHashes.headerHash(previous));
        }
        assertThat(bundle.headers().get(0).getNumber()).isZero();
    }

    @Test
    void the_blocks_name_the_genesis_block_as_their_configuration() throws Exception {
        for (String name : Fixtures.BUNDLES) {
            assertThat(BlockMetadataSlots.lastConfigIndex(BundleReader.read(Fixtures.bundle(name)).block())).isZero();
        }
    }

    @Test
    void the_data_hash_of_the_configuration_block_is_its_headers() throws Exception {
        var config = Fixtures.configBlock();

        assertThat(BlockHashes.dataHash(config.getData())).isEqualTo(config.getHeader().getDataHash());
    }
}
