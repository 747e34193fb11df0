package io.ledgernode.reconciler.chain;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.gateway.ChainHeight;
import io.ledgernode.gateway.ChannelBlocks;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The chain through the Fabric gateway, as one identity of the node's org: queries are evaluated on that org's gateway
 * peer, and the heights come from the same peer (qscc), so a height read before and after a query brackets what the
 * query saw. A peer that does not answer is retried a few times (a restart, a moment of load), then the run fails.
 */
public final class GatewayChainReader implements ChainReader {

    /** Attempts of one query when the peer does not answer, and the pause before the second. */
    private static final int ATTEMPTS_MAX = 4;
    private static final Duration BACKOFF_INITIAL = Duration.ofMillis(250);

    private final LedgerConnection connection;
    private final LedgerClient client;
    private final ChannelBlocks blocks;

    private GatewayChainReader(LedgerConnection connection, GatewayTimeouts timeouts) {
        this.connection = connection;
        this.client = new LedgerClient(connection);
        this.blocks = new ChannelBlocks(connection, timeouts.evaluate());
    }

    /** Connects as {@code identity} of {@code org}. */
    public static GatewayChainReader open(NetworkProfile profile, String org, String identity) {
        GatewayTimeouts timeouts = GatewayTimeouts.defaults();
        return new GatewayChainReader(LedgerConnection.open(profile, org, identity, timeouts), timeouts);
    }

    @Override
    public long height() {
        return retrying("qscc GetChainInfo", () -> ChainHeight.read(connection).height());
    }

    @Override
    public AccountLinesPage accounts(int pageSize, String bookmark) {
        String request = ChainJson.listRequest(pageSize, bookmark);
        return ChainJson.accountPage(retrying(Transactions.ACCOUNTS_LIST, () -> client.evaluate(Transactions.ACCOUNTS_LIST, request)));
    }

    @Override
    public Optional<AccountLine> account(String id) {
        return evaluateOne(Transactions.ACCOUNTS_SUMMARY, id, ErrorCode.UNKNOWN_ACCOUNT).map(ChainJson::accountLine);
    }

    @Override
    public Optional<Long> supply(String code) {
        return evaluateOne(Transactions.ASSETS_SUPPLY, code, ErrorCode.UNKNOWN_ASSET).map(ChainJson::supply);
    }

    @Override
    public AssetLinesPage assets(int pageSize, String bookmark) {
        String request = ChainJson.listRequest(pageSize, bookmark);
        return ChainJson.assetPage(retrying(Transactions.ASSETS_LIST, () -> client.evaluate(Transactions.ASSETS_LIST, request)));
    }

    @Override
    public void blocks(long from, long toExclusive, Consumer<ChainBlock> visitor) {
        blocks.blocks(from, toExclusive, block -> visitor.accept(BlockDecoding.decode(block)));
    }

    @Override
    public void close() {
        connection.close();
    }

    /**
     * The answer of a query about one account or asset, empty when the chain has none: it says {@code unknown}, or
     * refuses the id as malformed (which names nothing on the chain either; a damaged mirror may hold such an id).
     */
    private Optional<String> evaluateOne(String transaction, String id, ErrorCode unknown) {
        try {
            return Optional.of(retrying(transaction, () -> client.evaluate(transaction, id)));
        } catch (LedgerClient.LedgerQueryException e) {
            if (e.code() == unknown || e.code() == ErrorCode.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T retrying(String what, Supplier<T> call) {
        Duration pause = BACKOFF_INITIAL;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (LedgerClient.LedgerUnavailableException e) {
                if (attempt >= ATTEMPTS_MAX) {
                    throw e;
                }
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a chain query", e);
        }
    }
}
