package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.ChaincodeTransaction;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.proof.bundle.Hex;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.policy.Evaluation;
import io.ledgernode.proof.policy.SignatureSet;
import io.ledgernode.proof.policy.SignedData;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.Endorsement;

/**
 * The endorsements: the response they sign is for this very proposal (its proposal hash covers this transaction's
 * headers and chaincode proposal payload), each signature over {@code proposal_response_payload || endorser} is valid,
 * and the endorsers satisfy the endorsement policy. The ledger chaincode uses the channel default
 * ({@value #CHAINCODE_POLICY}); {@code _lifecycle} transactions use {@value #LIFECYCLE_POLICY}.
 */
final class EndorsementsCheck {
    static final String CHAINCODE_POLICY = "/Channel/Application/Endorsement";
    static final String LIFECYCLE_POLICY = "/Channel/Application/LifecycleEndorsement";
    private static final Check CHECK = Check.ENDORSEMENTS;

    private EndorsementsCheck() {}

    static CheckResult run(Evidence evidence, Optional<ChannelConfig> trustedConfig) {
        return evidence.checkSignatures(CHECK, trustedConfig, EndorsementsCheck::check);
    }

    private static CheckResult check(DecodedTransaction tx, ChannelConfig trustedConfig) {
        if (tx.chaincode().isEmpty()) {
            return CheckResult.notApplicable(CHECK, "a " + tx.type() + " transaction carries no endorsements; "
                    + "the orderers' signatures are its authority");
        }
        ChaincodeTransaction chaincode = tx.chaincode().get();
        ByteString proposalHash = proposalHash(tx, chaincode);
        if (!proposalHash.equals(chaincode.responsePayload().getProposalHash())) {
            return CheckResult.fail(CHECK, "the endorsed response is for another proposal: its proposal hash is "
                    + Hex.of(chaincode.responsePayload().getProposalHash().toByteArray()) + ", this transaction's "
                    + Hex.of(proposalHash.toByteArray()));
        }
        if (chaincode.endorsements().isEmpty()) {
            return CheckResult.fail(CHECK, "the transaction carries no endorsement");
        }
        List<SignedData> signed = new ArrayList<>();
        for (int i = 0; i < chaincode.endorsements().size(); i++) {
            Endorsement endorsement = chaincode.endorsements().get(i);
            signed.add(new SignedData("endorsement " + i, chaincode.responsePayloadBytes().concat(endorsement.getEndorser()),
                    endorsement.getEndorser(), endorsement.getSignature()));
        }
        SignatureSet set = SignatureSet.check(signed, trustedConfig.msps());
        if (!set.problems().isEmpty()) {
            return CheckResult.fail(CHECK, String.join("; ", set.problems()));
        }
        String policy = chaincode.chaincode().equals("_lifecycle") ? LIFECYCLE_POLICY : CHAINCODE_POLICY;
        Evaluation evaluation = trustedConfig.policies().evaluate(policy, set.signers());
        if (!evaluation.satisfied()) {
            return CheckResult.fail(CHECK, evaluation.explanation());
        }
        return CheckResult.pass(CHECK, signed.size() + " endorsement(s) of " + chaincode.chaincode() + " by "
                + set.describeSigners() + "; " + evaluation.explanation());
    }

    /** Fabric's {@code protoutil.GetProposalHash2}: SHA-256 of channel header, signature header, proposal payload. */
    private static ByteString proposalHash(DecodedTransaction tx, ChaincodeTransaction chaincode) {
        MessageDigest digest = BlockHashes.sha256();
        digest.update(tx.header().getChannelHeader().asReadOnlyByteBuffer());
        digest.update(tx.header().getSignatureHeader().asReadOnlyByteBuffer());
        digest.update(chaincode.chaincodeProposalPayload().asReadOnlyByteBuffer());
        return ByteString.copyFrom(digest.digest());
    }
}
