package io.ledgernode.bridge.block;

import static io.ledgernode.bridge.block.BlockFixtures.headerDer;
import static io.ledgernode.bridge.block.BlockFixtures.sha256;
import static io.ledgernode.bridge.block.SyntheticBlocks.block;
import static io.ledgernode.bridge.block.SyntheticBlocks.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
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
    void the_next_block_names_the_header_hash_of_the_one_before_it() throws Exception {
        final Block first = block(41, new byte[32], List.of(transfer("t1"), transfer("t2")));
        final Block second = block(42, BlockHashes.headerHash(first.getHeader()).toByteArray(), List.of(transfer("t3")));

        final ParsedBlock parsedFirst = BlockParser.parse(first);
        final ParsedBlock parsedSecond = BlockParser.parse(second);

        assertThat(parsedSecond.previousHash()).isEqualTo(parsedFirst.headerHash());
        assertThat(parsedFirst.headerHash())
                .isEqualTo(sha256(headerDer(41, parsedFirst.previousHash(), parsedFirst.dataHash())));
    }

    @Test
    void a_different_predecessor_breaks_the_chain() throws Exception {
        final Block first = block(41, new byte[32], List.of(transfer("t1")));
        final Block other = block(41, new byte[32], List.of(transfer("t1-other")));
        final Block second = block(42, BlockHashes.headerHash(first.getHeader()).toByteArray(), List.of(transfer("t3")));

        assertThat(BlockParser.parse(second).previousHash()).isNotEqualTo(BlockParser.parse(other).headerHash());
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
