package io.ledgernode.reconciler.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class BlockDecodingTest {

    @Test
    void a_block_gives_its_header_hash_and_each_envelopes_transaction_id_and_validation_code() {
        List<byte[]> envelopes = List.of(envelope("tx-a"), envelope("tx-b"));
        byte[] previous = new byte[32];
        Block block = block(7, previous, BlockHashing.dataHash(envelopes), envelopes,
                new byte[] {(byte) TxValidationCode.VALID_VALUE, (byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE});

        ChainBlock decoded = BlockDecoding.decode(block);

        assertThat(decoded.number()).isEqualTo(7);
        assertThat(decoded.headerHash()).isEqualTo(BlockHashing.headerHash(7, previous, BlockHashing.dataHash(envelopes)));
        assertThat(decoded.transactions()).containsExactly(new ChainBlock.ChainTransaction(0, "tx-a", "VALID"),
                new ChainBlock.ChainTransaction(1, "tx-b", "MVCC_READ_CONFLICT"));
    }

    @Test
    void a_block_whose_data_does_not_hash_to_its_header_is_refused() {
        List<byte[]> envelopes = List.of(envelope("tx-a"));
        Block block = block(3, new byte[32], new byte[32], envelopes, new byte[] {0});

        assertThatThrownBy(() -> BlockDecoding.decode(block)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hash");
    }

    @Test
    void a_block_without_a_validation_code_for_every_envelope_is_refused() {
        List<byte[]> envelopes = List.of(envelope("tx-a"), envelope("tx-b"));
        Block block = block(3, new byte[32], BlockHashing.dataHash(envelopes), envelopes, new byte[] {0});

        assertThatThrownBy(() -> BlockDecoding.decode(block)).hasMessageContaining("validation filter");
    }

    private static byte[] envelope(String txId) {
        Payload payload = Payload.newBuilder().setHeader(Header.newBuilder()
                .setChannelHeader(ChannelHeader.newBuilder().setTxId(txId).setChannelId("ledger").build().toByteString())).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteArray();
    }

    private static Block block(long number, byte[] previous, byte[] dataHash, List<byte[]> envelopes, byte[] filter) {
        BlockData.Builder data = BlockData.newBuilder();
        envelopes.forEach(e -> data.addData(ByteString.copyFrom(e)));
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number).setPreviousHash(ByteString.copyFrom(previous))
                        .setDataHash(ByteString.copyFrom(dataHash)))
                .setData(data)
                .setMetadata(BlockMetadata.newBuilder().addMetadata(ByteString.EMPTY).addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(filter)))
                .build();
    }
}
