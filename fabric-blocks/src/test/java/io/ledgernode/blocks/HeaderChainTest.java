package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.ordererCopy;
import static io.ledgernode.blocks.testing.SyntheticBlocks.block;
import static io.ledgernode.blocks.testing.SyntheticBlocks.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

class HeaderChainTest {

    /** Blocks 10 to 12, each naming the header hash of the one before. */
    private static List<BlockHeader> linked() {
        List<BlockHeader> headers = new ArrayList<>();
        byte[] previous = new byte[32];
        for (long number = 10; number <= 12; number++) {
            Block block = block(number, previous, List.of(transfer("tx-" + number)));
            headers.add(block.getHeader());
            previous = BlockHashes.headerHash(block.getHeader()).toByteArray();
        }
        return headers;
    }

    @Test
    void linked_headers_hold_from_first_to_last_and_give_each_hash() throws Exception {
        List<BlockHeader> headers = linked();
        HeaderChain chain = HeaderChain.of(headers);

        assertThat(chain.first()).isEqualTo(10);
        assertThat(chain.last()).isEqualTo(12);
        assertThat(chain.size()).isEqualTo(3);
        assertThat(chain.brokenLink(10, 12)).isEmpty();
        assertThat(chain.hash(11)).isEqualTo(headers.get(2).getPreviousHash());
        assertThat(chain.header(12)).contains(headers.get(2));
        assertThat(chain.covers(9)).isFalse();
        assertThat(chain.header(13)).isEmpty();
    }

    @Test
    void a_previous_hash_that_is_not_the_hash_of_the_header_before_is_named() throws Exception {
        List<BlockHeader> headers = new ArrayList<>(linked());
        headers.set(2, headers.get(2).toBuilder().setPreviousHash(ByteString.copyFrom(new byte[32])).build());
        HeaderChain chain = HeaderChain.of(headers);

        assertThat(chain.brokenLink(10, 11)).isEmpty();
        assertThat(chain.brokenLink(10, 12)).hasValueSatisfying(reason -> assertThat(reason).startsWith("block 12's previous hash"));
    }

    @Test
    void real_headers_that_are_not_numbered_one_by_one_are_no_chain() {
        List<BlockHeader> gap = List.of(ordererCopy("block-548.pb").getHeader(), ordererCopy("block-552.pb").getHeader());

        assertThatThrownBy(() -> HeaderChain.of(gap)).isInstanceOf(MalformedException.class)
                .hasMessage("header 1 is block 552, expected 549");
        assertThatThrownBy(() -> HeaderChain.of(List.of())).isInstanceOf(MalformedException.class);
    }

    @Test
    void a_single_real_header_is_a_chain_of_one_whose_hash_is_the_header_hash() throws Exception {
        BlockHeader header = ordererCopy("block-548.pb").getHeader();
        HeaderChain chain = HeaderChain.of(List.of(header));

        assertThat(chain.hash(548)).isEqualTo(BlockHashes.headerHash(header));
        assertThat(chain.brokenLink(548, 548)).isEmpty();
    }
}
