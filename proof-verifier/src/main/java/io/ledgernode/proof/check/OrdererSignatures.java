package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.policy.Evaluation;
import io.ledgernode.proof.policy.SignatureSet;
import io.ledgernode.proof.policy.SignedData;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A block header's orderer signatures checked as {@code protoutil.BlockSignatureVerifier} checks them: each signature
 * covers the signed metadata value, the signature's own header, and the header's DER bytes. Raft orderers name
 * themselves in a {@code SignatureHeader}; BFT orderers may give only an {@code IdentifierHeader} with their consenter
 * number. The set must satisfy the channel's block validation policy.
 */
final class OrdererSignatures {
    static final String POLICY = "/Channel/Orderer/BlockValidation";

    private OrdererSignatures() {}

    /** Valid signatures that satisfy the policy: how many, whose, and the policy's evaluation in words. */
    record Verified(int count, String signers, String policy) {}

    /** Verifies the signatures on a header; {@link MalformedException} says why they do not hold. */
    static Verified verify(BlockHeader header, Metadata signatures, ChannelConfig config) throws MalformedException {
        String block = "block " + Long.toUnsignedString(header.getNumber());
        MalformedException.require(signatures.getSignaturesCount() > 0, block + " carries no orderer signature");
        List<SignedData> signed = signedData(header, signatures, config);
        SignatureSet set = SignatureSet.check(signed, config.msps());
        MalformedException.require(set.problems().isEmpty(), block + ": " + String.join("; ", set.problems()));
        Evaluation evaluation = config.policies().evaluate(POLICY, set.signers());
        MalformedException.require(evaluation.satisfied(), block + ": " + evaluation.explanation());
        return new Verified(signed.size(), set.describeSigners(), evaluation.explanation());
    }

    /** The configuration block index the orderers signed into the metadata value. */
    static long lastConfigIndex(Metadata signatures) throws MalformedException {
        OrdererBlockMetadata metadata = MalformedException.parse("orderer block metadata", OrdererBlockMetadata.parser(),
                signatures.getValue());
        MalformedException.require(metadata.hasLastConfig(), "orderer block metadata has no last config");
        LastConfig lastConfig = metadata.getLastConfig();
        return lastConfig.getIndex();
    }

    private static List<SignedData> signedData(BlockHeader header, Metadata metadata, ChannelConfig config)
            throws MalformedException {
        ByteString headerBytes = ByteString.copyFrom(BlockHashes.headerBytes(header));
        List<SignedData> signed = new ArrayList<>();
        for (int i = 0; i < metadata.getSignaturesCount(); i++) {
            MetadataSignature signature = metadata.getSignatures(i);
            String what = "orderer signature " + i;
            if (!signature.getSignatureHeader().isEmpty()) {
                SignatureHeader signatureHeader = MalformedException.parse(what + "'s header", SignatureHeader.parser(),
                        signature.getSignatureHeader());
                signed.add(new SignedData(what, metadata.getValue().concat(signature.getSignatureHeader()).concat(headerBytes),
                        signatureHeader.getCreator(), signature.getSignature()));
            } else if (!signature.getIdentifierHeader().isEmpty()) {
                IdentifierHeader identifier = MalformedException.parse(what + "'s identifier header",
                        IdentifierHeader.parser(), signature.getIdentifierHeader());
                signed.add(new SignedData(what, metadata.getValue().concat(signature.getIdentifierHeader()).concat(headerBytes),
                        consenter(config, identifier.getIdentifier(), what), signature.getSignature()));
            } else {
                throw new MalformedException(what + " has neither a signature header nor an identifier header");
            }
        }
        return signed;
    }

    private static ByteString consenter(ChannelConfig config, int id, String what) throws MalformedException {
        for (Consenter consenter : config.consenters()) {
            if (consenter.getId() == id) {
                return SerializedIdentity.newBuilder().setMspid(consenter.getMspId()).setIdBytes(consenter.getIdentity())
                        .build().toByteString();
            }
        }
        throw new MalformedException(what + " names consenter " + Integer.toUnsignedString(id)
                + ", which the configuration does not list");
    }
}
