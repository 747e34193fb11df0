package io.ledgernode.node.explorer;

import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.mirror.PartyEntry;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.api.Require;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.scope.Entry;
import io.ledgernode.node.scope.TransactionScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Transactions, blocks and supply from the mirror, whatever the transport. A wallet or regulator sees only
 * transactions with a leg in its scope (any other is "not found"), and of the other legs only what
 * {@link TransactionScope} shows; blocks and supply are not for wallets.
 */
public final class ExplorerQueries {

    /** The most assets a supply answer lists; more is refused loudly rather than cut short. */
    static final int SUPPLY_ASSETS_MAX = 10_000;

    private final Mirror mirror;
    private final Duration minBlockWaitMax;

    private final int pageSizeDefault;
    private final int pageSizeMax;

    public ExplorerQueries(Mirror mirror, Duration minBlockWaitMax, int pageSizeDefault, int pageSizeMax) {
        this.mirror = mirror;
        this.minBlockWaitMax = minBlockWaitMax;
        this.pageSizeDefault = pageSizeDefault;
        this.pageSizeMax = pageSizeMax;
    }

    /**
     * The transaction with its entries. A wallet or regulator sees it when one of its legs is in scope; the legs that
     * are not show amounts and per-transaction account references only ({@link TransactionScope}).
     */
    public TransactionAnswer transaction(Caller caller, String txId, OptionalLong minBlock) {
        Require.txId("txId", txId);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        // Fabric records a re-sent envelope again (as DUPLICATE_TXID); the last record is the one that counts.
        MirrorReader.Snapshot<TransactionRead> read = mirror.read(view ->
                new TransactionRead(view.latestTransaction(txId), view.entriesOf(txId)));
        TransactionScope scope = TransactionScope.of(caller, read.value().entries().stream().map(Entry::of).toList());
        if (read.value().tx().isEmpty() || !scope.visible()) {
            throw ApiException.notFound("transaction " + ApiErrors.quoted(txId));
        }
        return TransactionAnswer.of(read.value().tx().get(), scope.shownEntries(), read.height());
    }

    public BlockAnswer block(Caller caller, long number) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        if (number < 0) {
            throw ApiException.badRequest("a block number is a non-negative whole number");
        }
        MirrorReader.Snapshot<BlockRead> read = mirror.read(view -> {
            Optional<Block> block = view.block(number);
            // A block's transactions are as many as its header says: that is the bound of the query.
            return new BlockRead(block, block.isEmpty() ? List.of()
                    : view.transactionsOfBlocks(number, number + 1, Math.max(1, block.get().txCount())));
        });
        Block block = read.value().block().orElseThrow(() -> ApiException.notFound("block " + number));
        return BlockAnswer.of(block, read.value().transactions(), read.height());
    }

    /**
     * The blocks below {@code before} (the mirror height when absent), newest first, at most {@code limit}: the chain
     * as the mirror holds it, for the roles that read every block.
     */
    public BlocksPage blocks(Caller caller, OptionalLong before, Optional<String> limitText) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        int limit = Requests.limit(limitText, pageSizeDefault, pageSizeMax);
        MirrorReader.Snapshot<List<Block>> read = mirror.read(view -> {
            long top = Math.min(before.orElse(Long.MAX_VALUE), view.height());
            return view.blocks(Math.max(0, top - limit), top, limit);
        });
        List<Block> blocks = new java.util.ArrayList<>(read.value());
        java.util.Collections.reverse(blocks);
        Long next = blocks.isEmpty() || blocks.get(blocks.size() - 1).number() == 0 ? null : blocks.get(blocks.size() - 1).number();
        return new BlocksPage(blocks.stream().map(BlocksPage.Line::of).toList(), next, read.height());
    }

    public SupplyAnswer supply(Caller caller) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        MirrorReader.Snapshot<List<Asset>> read = mirror.read(view -> view.assets(SUPPLY_ASSETS_MAX + 1));
        if (read.value().size() > SUPPLY_ASSETS_MAX) {
            throw new IllegalStateException("the mirror holds more than " + SUPPLY_ASSETS_MAX + " assets");
        }
        return SupplyAnswer.of(read.value(), read.height());
    }

    /** A block and its transactions, read in one snapshot. */
    private record BlockRead(Optional<Block> block, List<Transaction> transactions) {
    }

    /** A transaction's last record and its entries, read in one snapshot. */
    private record TransactionRead(Optional<Transaction> tx, List<PartyEntry> entries) {
    }
}
