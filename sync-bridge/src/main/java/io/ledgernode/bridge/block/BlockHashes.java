package io.ledgernode.bridge.block;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** Fabric's block hashes, as protoutil computes them ({@code BlockHeaderHash}, {@code ComputeBlockDataHash}). */
public final class BlockHashes {
    private BlockHashes() {}

    /**
     * SHA-256 of the DER SEQUENCE { INTEGER number (unsigned, minimal), OCTET STRING previous_hash, OCTET STRING
     * data_hash }. The next block's {@code previous_hash} must equal it. Metadata is not covered.
     */
    public static byte[] headerHash(final BlockHeader header) {
        return sha256().digest(headerDer(header));
    }

    /** SHA-256 over the plain concatenation of every data.data[i] in order, with no lengths or separators. */
    public static byte[] dataHash(final BlockData data) {
        final MessageDigest digest = sha256();
        for (final ByteString envelope : Objects.requireNonNull(data, "data").getDataList()) {
            digest.update(envelope.asReadOnlyByteBuffer());
        }
        return digest.digest();
    }

    /** The DER bytes the header hash covers. The number is unsigned: a block number above Long.MAX_VALUE stays positive. */
    static byte[] headerDer(final BlockHeader header) {
        Objects.requireNonNull(header, "header");
        final BigInteger number = new BigInteger(Long.toUnsignedString(header.getNumber()));
        final DERSequence sequence = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(number),
            new DEROctetString(header.getPreviousHash().toByteArray()),
            new DEROctetString(header.getDataHash().toByteArray()),
        });
        try {
            return sequence.getEncoded(ASN1Encoding.DER);
        } catch (final IOException e) {
            // Encoding into memory does no I/O; BouncyCastle only declares the exception.
            throw new UncheckedIOException("DER encoding of a block header failed", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
