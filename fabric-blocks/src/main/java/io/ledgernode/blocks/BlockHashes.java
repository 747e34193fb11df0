package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** Fabric's block hashes ({@code protoutil.BlockHeaderBytes}, {@code BlockHeaderHash}, {@code ComputeBlockDataHash}). */
public final class BlockHashes {
    private BlockHashes() {}

    /**
     * The bytes the header hash covers and the orderers sign: DER {@code SEQUENCE {INTEGER number, OCTET STRING
     * previous_hash, OCTET STRING data_hash}}, the number unsigned (a {@code long} above {@link Long#MAX_VALUE} is
     * still a positive block number).
     */
    public static byte[] headerBytes(BlockHeader header) {
        DERSequence sequence = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
            new DEROctetString(header.getPreviousHash().toByteArray()),
            new DEROctetString(header.getDataHash().toByteArray()),
        });
        try {
            return sequence.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            // Encoding into memory does no I/O; BouncyCastle only declares the exception.
            throw new UncheckedIOException("DER encoding of a block header failed", e);
        }
    }

    /** SHA-256 of {@link #headerBytes}: what the next block's {@code previous_hash} must be. */
    public static ByteString headerHash(BlockHeader header) {
        return ByteString.copyFrom(sha256().digest(headerBytes(header)));
    }

    /** SHA-256 over the plain concatenation of every envelope in order: no lengths, no separators, no tree. */
    public static ByteString dataHash(BlockData data) {
        MessageDigest digest = sha256();
        for (ByteString envelope : data.getDataList()) {
            digest.update(envelope.asReadOnlyByteBuffer());
        }
        return ByteString.copyFrom(digest.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
