package io.ledgernode.reconciler.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Fabric's block hashes, computed here independently of the mirror's writer: the header hash is SHA-256 over the DER
 * encoding of SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash } (the next block's
 * previous_hash must equal it), and the data hash is SHA-256 over the envelopes' bytes, concatenated in order.
 *
 * <p>Deliberately not the node's block kit ({@code io.ledgernode.blocks.BlockHashes} in fabric-blocks, which the
 * bridge uses to write the mirror's hashes): the reconciler is the independent check of the mirror, and a check that
 * shares the code it checks would agree with that code's mistakes. This is a hand-written DER encoder, not
 * BouncyCastle's; BlockHashingTest holds both to the same values, on the block kit's real blocks too.
 */
public final class BlockHashing {

    private static final int DER_SEQUENCE = 0x30;
    private static final int DER_INTEGER = 0x02;
    private static final int DER_OCTET_STRING = 0x04;

    private BlockHashing() {
    }

    /** The header hash; {@code number} is Fabric's unsigned 64-bit block number. */
    public static byte[] headerHash(long number, byte[] previousHash, byte[] dataHash) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(96);
        // Minimal two's complement of the unsigned number: a leading zero byte keeps a high bit from reading negative.
        writeTlv(body, DER_INTEGER, new BigInteger(Long.toUnsignedString(number)).toByteArray());
        writeTlv(body, DER_OCTET_STRING, previousHash);
        writeTlv(body, DER_OCTET_STRING, dataHash);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream(body.size() + 4);
        writeTlv(sequence, DER_SEQUENCE, body.toByteArray());
        return sha256().digest(sequence.toByteArray());
    }

    /** The data hash of a block's envelopes. */
    public static byte[] dataHash(List<byte[]> envelopes) {
        MessageDigest sha = sha256();
        envelopes.forEach(sha::update);
        return sha.digest();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            // Long form: 0x80 | the number of length bytes, then the length big-endian, without leading zeros.
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int start = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - start));
            out.write(bytes, start, bytes.length - start);
        }
        out.write(value, 0, value.length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform provides SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
