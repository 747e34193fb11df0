package io.ledgernode.blocks.testing;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The real blocks in fabric-blocks' {@code src/test/resources/blocks} (on the classpath of every module that tests with
 * fabric-blocks' test jar), and a hand-written DER encoder to check the header hash against.
 *
 * <p>The fixtures were fetched from the orderer, whose copy of a block has an empty TRANSACTIONS_FILTER: only the
 * committing peer writes the validation codes. {@link #peerCopy} adds the filter the peer writes for them (metadata is
 * covered by neither hash, so the envelopes and hashes stay the real ones).
 */
public final class BlockFixtures {
    private BlockFixtures() {}

    /** A fixture as stored: the orderer's copy, without validation codes. */
    public static Block ordererCopy(final String name) {
        try (InputStream in = BlockFixtures.class.getResourceAsStream("/blocks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return Block.parseFrom(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture with the TRANSACTIONS_FILTER a peer writes: one code per envelope. */
    public static Block peerCopy(final String name, final TxValidationCode... codes) {
        final byte[] filter = new byte[codes.length];
        for (int index = 0; index < codes.length; index++) {
            filter[index] = (byte) codes[index].getNumber();
        }
        return withFilter(ordererCopy(name), filter);
    }

    public static Block withFilter(final Block block, final byte[] filter) {
        return block.toBuilder()
                .setMetadata(block.getMetadata().toBuilder()
                        .setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE, ByteString.copyFrom(filter)))
                .build();
    }

    public static TxValidationCode[] allValid(final int count) {
        final TxValidationCode[] codes = new TxValidationCode[count];
        Arrays.fill(codes, TxValidationCode.VALID);
        return codes;
    }

    /** DER SEQUENCE { INTEGER number, OCTET STRING previous, OCTET STRING data }, written by hand (short lengths). */
    public static byte[] headerDer(final long number, final byte[] previousHash, final byte[] dataHash) {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        tlv(body, 0x02, new BigInteger(Long.toUnsignedString(number)).toByteArray());
        tlv(body, 0x04, previousHash);
        tlv(body, 0x04, dataHash);
        final ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        tlv(sequence, 0x30, body.toByteArray());
        return sequence.toByteArray();
    }

    private static void tlv(final ByteArrayOutputStream out, final int tag, final byte[] value) {
        if (value.length > 127) {
            throw new IllegalArgumentException("only short DER lengths are written here");
        }
        out.write(tag);
        out.write(value.length);
        out.writeBytes(value);
    }

    public static byte[] sha256(final byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
