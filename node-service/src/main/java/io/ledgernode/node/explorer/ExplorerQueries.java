package io.ledgernode.node.explorer;

import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.api.Require;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;
import io.ledgernode.node.scope.Entry;
import io.ledgernode.node.scope.TransactionScope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Transactions, blocks and supply from the mirror, whatever the transport. A wallet or regulator sees only
 * transactions with a leg in its scope (any other is "not found"), and of the other legs only what
 * {@link TransactionScope} shows; blocks and supply are not for wallets.
 */
public final class ExplorerQueries {

    private final MirrorReader mirror;
    private final Duration minBlockWaitMax;

    public ExplorerQueries(MirrorReader mirror, Duration minBlockWaitMax) {
        this.mirror = mirror;
        this.minBlockWaitMax = minBlockWaitMax;
    }

    /**
     * The transaction with its entries. A wallet or regulator sees it when one of its legs is in scope; the legs that
     * are not show amounts and per-transaction account references only ({@link TransactionScope}).
     */
    public Map<String, Object> transaction(Caller caller, String txId, OptionalLong minBlock) {
        Require.txId("txId", txId);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        MirrorReader.Rows tx = mirror.transaction(txId);
        TransactionScope scope = TransactionScope.of(caller, mirror.entriesOf(txId).rows().stream().map(Entry::of).toList());
        if (tx.rows().isEmpty() || !scope.visible()) {
            throw ApiException.notFound("transaction " + ApiErrors.quoted(txId));
        }
        // Fabric records a re-sent envelope again (as DUPLICATE_TXID); the last record is the one that counts.
        Map<String, Object> body = new LinkedHashMap<>(tx.rows().get(tx.rows().size() - 1));
        body.put("entries", scope.shownEntries());
        body.put("mirrorHeight", tx.mirrorHeight());
        return body;
    }

    public Map<String, Object> block(Caller caller, long number) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        if (number < 0) {
            throw ApiException.badRequest("a block number is a non-negative whole number");
        }
        MirrorReader.Rows block = mirror.block(number);
        Map<String, Object> body = new LinkedHashMap<>(block.first().orElseThrow(() -> ApiException.notFound("block " + number)));
        body.put("transactions", mirror.blockTransactions(number).rows());
        body.put("mirrorHeight", block.mirrorHeight());
        return body;
    }

    public Map<String, Object> supply(Caller caller) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        MirrorReader.Rows supply = mirror.supply();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assets", supply.rows());
        body.put("mirrorHeight", supply.mirrorHeight());
        return body;
    }
}
