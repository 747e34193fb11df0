package io.ledgernode.reconciler.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.testing.BlockFixtures;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

class BlockHashingTest {

    @Test
    void the_header_hash_is_sha256_of_the_same_DER_that_an_independent_encoder_writes() throws Exception {
        byte[] previous = MessageDigest.getInstance("SHA-256").digest(new byte[] {1});
        byte[] data = MessageDigest.getInstance("SHA-256").digest(new byte[] {2});
        for (long number : new long[] {0, 1, 127, 128, 255, 256, 65_535, 1L << 40, Long.MAX_VALUE, -1L}) {
            byte[] prev = number == 0 ? new byte[0] : previous;
            assertThat(BlockHashing.headerHash(number, prev, data)).as("block %s", Long.toUnsignedString(number))
                    .isEqualTo(reference(number, prev, data));
        }
    }

    @Test
    void long_hashes_use_the_long_form_of_DER_lengths() throws Exception {
        byte[] longPrevious = new byte[300];
        byte[] data = new byte[32];
        assertThat(BlockHashing.headerHash(5, longPrevious, data)).isEqualTo(reference(5, longPrevious, data));
    }

    @Test
    void the_data_hash_is_sha256_of_the_envelopes_concatenated() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3, 4, 5});
        assertThat(BlockHashing.dataHash(List.of(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5}))).isEqualTo(expected);
    }

    @Test
    void the_independent_hashes_equal_the_block_kits_that_wrote_the_mirror() {
        byte[] previous = new byte[32];
        byte[] data = new byte[32];
        previous[0] = 7;
        data[31] = 9;
        for (long number : new long[] {0, 1, 127, 128, 548, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1L}) {
            byte[] prev = number == 0 ? new byte[0] : previous;
            BlockHeader header = BlockHeader.newBuilder().setNumber(number).setPreviousHash(ByteString.copyFrom(prev))
                    .setDataHash(ByteString.copyFrom(data)).build();
            assertThat(BlockHashing.headerHash(number, prev, data)).as("block %s", Long.toUnsignedString(number))
                    .isEqualTo(BlockHashes.headerHash(header).toByteArray());
        }
        List<byte[]> envelopes = List.of(new byte[] {1, 2}, new byte[0], new byte[] {3});
        BlockData blockData = BlockData.newBuilder().addData(ByteString.copyFrom(envelopes.get(0)))
                .addData(ByteString.copyFrom(envelopes.get(1))).addData(ByteString.copyFrom(envelopes.get(2))).build();
        assertThat(BlockHashing.dataHash(envelopes)).isEqualTo(BlockHashes.dataHash(blockData).toByteArray());
    }

    @Test
    void the_real_blocks_of_the_block_kits_fixtures_hash_the_same_here() {
        for (String name : List.of("block-0.pb", "block-548.pb", "block-552.pb")) {
            Block block = BlockFixtures.ordererCopy(name);
            BlockHeader header = block.getHeader();
            List<byte[]> envelopes = block.getData().getDataList().stream().map(ByteString::toByteArray).toList();

            assertThat(BlockHashing.dataHash(envelopes)).as(name).isEqualTo(header.getDataHash().toByteArray());
            assertThat(BlockHashing.headerHash(header.getNumber(), header.getPreviousHash().toByteArray(),
                    header.getDataHash().toByteArray())).as(name).isEqualTo(BlockHashes.headerHash(header).toByteArray());
        }
    }

    private static byte[] reference(long number, byte[] previous, byte[] data) throws Exception {
        DERSequence sequence = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(new BigInteger(Long.toUnsignedString(number))),
            new DEROctetString(previous),
            new DEROctetString(data)});
        return MessageDigest.getInstance("SHA-256").digest(sequence.getEncoded(ASN1Encoding.DER));
    }
}
