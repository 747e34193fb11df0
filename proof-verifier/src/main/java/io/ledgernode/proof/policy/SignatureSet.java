package io.ledgernode.proof.policy;

import io.ledgernode.proof.msp.Identity;
import io.ledgernode.proof.msp.InvalidIdentityException;
import io.ledgernode.proof.msp.MspSet;
import io.ledgernode.proof.msp.Signatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A set of signed data checked one by one: the valid identities whose signatures hold (each signer once, as
 * Fabric's {@code SignatureSetToValidIdentities} de-duplicates), and every problem found. Fabric silently drops a bad
 * signature; a proof reports it, because a bundle whose bytes were altered must not pass.
 */
public record SignatureSet(List<Identity> signers, List<String> problems) {
    public SignatureSet {
        signers = List.copyOf(signers);
        problems = List.copyOf(problems);
    }

    public static SignatureSet check(List<SignedData> signed, MspSet msps) {
        List<Identity> signers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<com.google.protobuf.ByteString> seen = new HashSet<>();
        for (SignedData data : signed) {
            Identity identity;
            try {
                identity = msps.deserialize(data.identity());
            } catch (InvalidIdentityException e) {
                problems.add(data.what() + ": " + e.getMessage());
                continue;
            }
            Optional<String> problem = Signatures.problem(identity, data.data().toByteArray(), data.signature());
            if (problem.isPresent()) {
                problems.add(data.what() + " by " + identity.describe() + ": " + problem.get());
            } else if (seen.add(identity.key())) {
                signers.add(identity);
            }
        }
        return new SignatureSet(signers, problems);
    }

    /** For messages: {@code Org1MSP CN=peer0..., Org2MSP CN=peer0...}. */
    public String describeSigners() {
        List<String> names = new ArrayList<>();
        signers.forEach(signer -> names.add(signer.describe()));
        return String.join(", ", names);
    }
}
