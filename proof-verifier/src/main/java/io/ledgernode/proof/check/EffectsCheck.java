package io.ledgernode.proof.check;

import io.ledgernode.blocks.ChaincodeTransaction;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.proof.bundle.ClaimedEffects;
import io.ledgernode.proof.bundle.ClaimedEntry;
import io.ledgernode.proof.bundle.ClaimedWrite;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The effects the bundle claims are the ones in the endorsed transaction: the chaincode and function invoked, the
 * chaincode event's name and balance entries (read with the ledger's own event classes), every world-state write in
 * order, and whether they were applied (only a transaction recorded VALID applies its writes).
 */
final class EffectsCheck {
    private static final Check CHECK = Check.EFFECTS;

    private EffectsCheck() {}

    static CheckResult run(Evidence evidence, Optional<AttestedFlags> attested) {
        if (!(evidence.transaction() instanceof Attempt.Done<DecodedTransaction>(DecodedTransaction tx))) {
            return CheckResult.fail(CHECK, "not checked: the transaction cannot be read");
        }
        Optional<ClaimedEffects> claimed = evidence.bundle().claim().effects();
        if (tx.chaincode().isEmpty()) {
            return claimed.isEmpty()
                    ? CheckResult.notApplicable(CHECK, "a " + tx.type() + " transaction has no chaincode effects")
                    : CheckResult.fail(CHECK, "the bundle claims chaincode effects for a " + tx.type() + " transaction");
        }
        if (claimed.isEmpty()) {
            return CheckResult.fail(CHECK, "the bundle claims no effects for a chaincode transaction");
        }
        Optional<String> mismatch = mismatch(tx.chaincode().get(), claimed.get());
        if (mismatch.isPresent()) {
            return CheckResult.fail(CHECK, mismatch.get());
        }
        if (attested.isEmpty()) {
            return CheckResult.fail(CHECK, "the effects match the transaction, but whether they were applied is not attested");
        }
        boolean valid = (attested.get().flags().byteAt(evidence.bundle().txIndex()) & 0xff) == TxValidationCode.VALID_VALUE;
        if (claimed.get().applied() != valid) {
            return CheckResult.fail(CHECK, "the bundle claims the effects were " + (claimed.get().applied() ? "" : "not ")
                    + "applied, but the transaction is recorded " + (valid ? "VALID" : "INVALID"));
        }
        return CheckResult.pass(CHECK, describe(claimed.get()));
    }

    private static Optional<String> mismatch(ChaincodeTransaction chaincode, ClaimedEffects claimed) {
        if (!chaincode.chaincode().equals(claimed.chaincode()) || !chaincode.function().equals(claimed.function())) {
            return Optional.of("the transaction invokes " + chaincode.chaincode() + " " + chaincode.function()
                    + ", the bundle claims " + claimed.chaincode() + " " + claimed.function());
        }
        String eventName = chaincode.event().map(ChaincodeEvent::getEventName).orElse(null);
        if (!java.util.Objects.equals(eventName, claimed.eventName())) {
            return Optional.of("the transaction's event is " + eventName + ", the bundle claims " + claimed.eventName());
        }
        List<ClaimedEntry> entries;
        try {
            entries = ClaimedEntry.ofEvent(chaincode.event());
        } catch (RuntimeException e) {
            // The ledger's event classes refuse a payload that is not one of its events with a LedgerException.
            return Optional.of("the chaincode event cannot be read as a ledger event: " + e.getMessage());
        }
        if (!entries.equals(claimed.entries())) {
            return Optional.of("the event's entries are " + entries + ", the bundle claims " + claimed.entries());
        }
        List<ClaimedWrite> writes = ClaimedWrite.of(chaincode.writes());
        if (!writes.equals(claimed.writes())) {
            return Optional.of("the transaction writes " + writes + ", the bundle claims " + claimed.writes());
        }
        return Optional.empty();
    }

    private static String describe(ClaimedEffects effects) {
        return effects.chaincode() + " " + effects.function() + (effects.eventName() == null ? "" : " -> " + effects.eventName())
                + " " + effects.entries() + ", " + effects.writes().size() + " write(s), "
                + (effects.applied() ? "applied" : "not applied (the transaction is invalid)");
    }
}
