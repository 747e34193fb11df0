package io.ledgernode.node.proof;

import com.google.protobuf.InvalidProtocolBufferException;
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
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Metadata;

/**
 * What an attestation states about a block: its header hash ({@code protoutil.BlockHeaderHash}: SHA-256 of the DER
 * {@code SEQUENCE {number, previous_hash, data_hash}}), and the peer-written metadata slots.
 */
final class BlockFacts {
    private BlockFacts() {}

    static byte[] headerHash(BlockHeader header) {
        DERSequence sequence = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
            new DEROctetString(header.getPreviousHash().toByteArray()),
            new DEROctetString(header.getDataHash().toByteArray()),
        });
        try {
            return sha256(sequence.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            // Encoding into memory does no I/O; BouncyCastle only declares the exception.
            throw new UncheckedIOException("DER encoding of a block header failed", e);
        }
    }

    /** One validation code per envelope, as this peer recorded them. */
    static byte[] validationFlags(Block block) {
        int slot = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
        return block.getMetadata().getMetadataCount() > slot ? block.getMetadata().getMetadata(slot).toByteArray() : new byte[0];
    }

    /** The peer's commit hash (a {@code Metadata} value), empty when it recorded none. */
    static byte[] commitHash(Block block) {
        int slot = BlockMetadataIndex.COMMIT_HASH_VALUE;
        if (block.getMetadata().getMetadataCount() <= slot || block.getMetadata().getMetadata(slot).isEmpty()) {
            return new byte[0];
        }
        try {
            return Metadata.parseFrom(block.getMetadata().getMetadata(slot)).getValue().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("block " + Long.toUnsignedString(block.getHeader().getNumber())
                    + " has an unreadable COMMIT_HASH", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
