package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.headerDer;
import static io.ledgernode.blocks.testing.BlockFixtures.sha256;
import static io.ledgernode.blocks.testing.SyntheticBlocks.block;
import static io.ledgernode.blocks.testing.SyntheticBlocks.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;

/** The parser's hashes chain blocks as Fabric does (the hashing itself is fabric-blocks' BlockHashesTest). */
class BlockParserHashChainTest {

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
}
