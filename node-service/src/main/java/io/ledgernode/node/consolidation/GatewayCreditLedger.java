package io.ledgernode.node.consolidation;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.ConsolidateCreditsRequest;
import io.ledgernode.api.account.ConsolidateCreditsResult;
import io.ledgernode.api.account.CreditRef;
import io.ledgernode.api.account.PendingCreditsRequest;
import io.ledgernode.api.account.PendingCreditsResult;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteStatusOperations;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain as the job uses it: queries through the node's gateway, consolidations through the node's
 * {@link LedgerWriter} (so they count in the submission metrics, and a lost MVCC race is resubmitted as any write's).
 */
public final class GatewayCreditLedger implements CreditLedger {

    private final WriteStatusOperations.Evaluator chain;
    private final LedgerWriter writer;

    public GatewayCreditLedger(WriteStatusOperations.Evaluator chain, LedgerWriter writer) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public PendingCreditsResult pending(String account, int limit) {
        String json = chain.evaluate(Transactions.ACCOUNTS_PENDING_CREDITS,
                LedgerJson.writeString(PendingCreditsRequest.of(account, limit)));
        return LedgerJson.read(json, PendingCreditsResult.class);
    }

    @Override
    public Optional<ConsolidateCreditsResult> consolidate(String account, List<CreditRef> credits) {
        return switch (writer.submit(Transactions.ACCOUNTS_CONSOLIDATE_CREDITS, ConsolidateCreditsRequest.of(account, credits))) {
            case LedgerWriter.Written.Done done -> Optional.of(LedgerJson.read(done.resultJson(), ConsolidateCreditsResult.class));
            case LedgerWriter.Written.Pending pending -> Optional.empty();
        };
    }
}
