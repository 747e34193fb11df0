package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.headerDer;
import static io.ledgernode.blocks.testing.BlockFixtures.ordererCopy;
import static io.ledgernode.blocks.testing.BlockFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

class BlockHashesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void the_data_hash_a_real_block_states_is_the_hash_of_its_envelopes() {
        for (final String name : List.of("block-0.pb", "block-548.pb", "block-552.pb")) {
            final Block block = ordererCopy(name);

            assertThat(BlockHashes.dataHash(block.getData())).as(name).isEqualTo(block.getHeader().getDataHash());
        }
    }

    @Test
    void the_header_hash_of_a_real_block_is_sha256_of_the_hand_written_der() {
        final BlockHeader header = ordererCopy("block-548.pb").getHeader();

        assertThat(BlockHashes.headerBytes(header)).isEqualTo(headerDer(548, header.getPreviousHash().toByteArray(),
                header.getDataHash().toByteArray()));
        assertThat(BlockHashes.headerHash(header).toByteArray()).isEqualTo(sha256(BlockHashes.headerBytes(header)))
                .isNotEqualTo(header.getPreviousHash().toByteArray());
    }

    @Test
    void the_header_number_is_a_minimal_integer_that_stays_positive() {
        assertThat(HEX.formatHex(BlockHashes.headerBytes(header(0)))).startsWith("3007020100");
        assertThat(HEX.formatHex(BlockHashes.headerBytes(header(127)))).startsWith("300702017f");
        assertThat(HEX.formatHex(BlockHashes.headerBytes(header(128)))).isEqualTo("30080202008004000400");
        assertThat(HEX.formatHex(BlockHashes.headerBytes(header(548)))).startsWith("300802020224");
        assertThat(HEX.formatHex(BlockHashes.headerBytes(header(-1L))))
                .isEqualTo("300f" + "020900ffffffffffffffff" + "0400" + "0400");
    }

    @Test
    void the_header_hash_is_sha256_of_the_der() {
        final byte[] previous = sha256(new byte[] {1});
        final byte[] data = sha256(new byte[] {2});
        final BlockHeader header = BlockHeader.newBuilder().setNumber(Long.MIN_VALUE)
                .setPreviousHash(ByteString.copyFrom(previous)).setDataHash(ByteString.copyFrom(data)).build();

        assertThat(BlockHashes.headerHash(header).toByteArray()).isEqualTo(sha256(headerDer(Long.MIN_VALUE, previous, data)));
    }

    @Test
    void the_data_hash_is_sha256_of_the_plain_concatenation_of_the_envelopes() {
        final BlockData data = BlockData.newBuilder().addData(ByteString.copyFromUtf8("ab"))
                .addData(ByteString.copyFromUtf8("c")).addData(ByteString.EMPTY).build();

        assertThat(BlockHashes.dataHash(data).toByteArray()).isEqualTo(sha256("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(BlockHashes.dataHash(BlockData.getDefaultInstance()).toByteArray()).isEqualTo(sha256(new byte[0]));
    }

    private static BlockHeader header(final long number) {
        return BlockHeader.newBuilder().setNumber(number).build();
    }
}
