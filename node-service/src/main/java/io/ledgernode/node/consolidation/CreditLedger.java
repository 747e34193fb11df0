package io.ledgernode.node.consolidation;

import io.ledgernode.api.account.ConsolidateCreditsResult;
import io.ledgernode.api.account.CreditRef;
import io.ledgernode.api.account.PendingCreditsResult;
import java.util.List;
import java.util.Optional;

/** The two chaincode transactions the job uses; any failure is a runtime exception (the round moves on). */
public interface CreditLedger {

    /** {@code Accounts:pendingCredits}: the account's first {@code limit} pending credits. */
    PendingCreditsResult pending(String account, int limit);

    /**
     * {@code Accounts:consolidateCredits}: the result once committed VALID, or empty when the outcome is not known yet
     * (the commit status did not arrive; the next round sees what happened).
     */
    Optional<ConsolidateCreditsResult> consolidate(String account, List<CreditRef> credits);
}
