package io.ledgernode.proof.check;

import io.ledgernode.proof.bundle.ProofBundle;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The transaction's validation code, as the member orgs attest it, is the one the bundle claims: {@code VALID}, or
 * the exact reason it was recorded invalid (an invalid transaction is in the ledger but changed nothing).
 */
final class OutcomeCheck {
    private static final Check CHECK = Check.OUTCOME;

    private OutcomeCheck() {}

    static CheckResult run(Evidence evidence, Optional<AttestedFlags> attested) {
        if (attested.isEmpty()) {
            return CheckResult.fail(CHECK, "not checked: the validation flags are not attested by enough member orgs");
        }
        ProofBundle bundle = evidence.bundle();
        if (bundle.txIndex() >= attested.get().flags().size()) {
            return CheckResult.fail(CHECK, "the attested flags have no entry for envelope " + bundle.txIndex());
        }
        int flag = attested.get().flags().byteAt(bundle.txIndex()) & 0xff;
        TxValidationCode code = TxValidationCode.forNumber(flag);
        String recorded = code == null ? "code " + flag : code.name();
        String claimed = bundle.claim().validationCode();
        if (!recorded.equals(claimed)) {
            return CheckResult.fail(CHECK, "the transaction is recorded " + describe(code, recorded) + ", the bundle claims "
                    + claimed);
        }
        return CheckResult.pass(CHECK, "the transaction is recorded " + describe(code, recorded) + ", as claimed"
                + (code == TxValidationCode.VALID ? "" : ": it is in the ledger but changed nothing"));
    }

    private static String describe(TxValidationCode code, String recorded) {
        return code == TxValidationCode.VALID ? "VALID" : "INVALID (" + recorded + ")";
    }
}
