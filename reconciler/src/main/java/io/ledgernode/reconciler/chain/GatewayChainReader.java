package io.ledgernode.reconciler.chain;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Transactions;
import io.ledgernode.gateway.ChainHeight;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

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

    private GatewayChainReader(LedgerConnection connection) {
        this.connection = connection;
        this.client = new LedgerClient(connection);
    }

    /** Connects as {@code identity} of {@code org}. */
    public static GatewayChainReader open(NetworkProfile profile, String org, String identity) {
        return new GatewayChainReader(LedgerConnection.open(profile, org, identity, GatewayTimeouts.defaults()));
    }

    @Override
    public long height() {
        return retrying("qscc GetChainInfo", () -> ChainHeight.read(connection).height());
    }

    @Override
    public AccountPage accounts(int pageSize, String bookmark) {
        String request = ChainJson.listRequest(pageSize, bookmark);
        return ChainJson.accountPage(retrying(Transactions.ACCOUNTS_LIST, () -> client.evaluate(Transactions.ACCOUNTS_LIST, request)));
    }

    @Override
    public Optional<AccountLine> account(String id) {
        try {
            return Optional.of(ChainJson.accountLine(retrying(Transactions.ACCOUNTS_SUMMARY, () -> client.evaluate(Transactions.ACCOUNTS_SUMMARY, id))));
        } catch (LedgerClient.LedgerQueryException e) {
            // An id the chain refuses as malformed names no account either (a damaged mirror may hold one).
            if (e.code() == ErrorCode.UNKNOWN_ACCOUNT || e.code() == ErrorCode.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Long> supply(String code) {
        try {
            return Optional.of(ChainJson.supply(retrying(Transactions.ASSETS_SUPPLY, () -> client.evaluate(Transactions.ASSETS_SUPPLY, code))));
        } catch (LedgerClient.LedgerQueryException e) {
            if (e.code() == ErrorCode.UNKNOWN_ASSET || e.code() == ErrorCode.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public AssetPage assets(int pageSize, String bookmark) {
        String request = ChainJson.listRequest(pageSize, bookmark);
        return ChainJson.assetPage(retrying(Transactions.ASSETS_LIST, () -> client.evaluate(Transactions.ASSETS_LIST, request)));
    }

    @Override
    public void blocks(long from, long toExclusive, Consumer<ChainBlock> visitor) {
        if (from >= toExclusive) {
            return;
        }
        try (CloseableIterator<Block> blocks = connection.network().newBlockEventsRequest().startBlock(from).build().getEvents()) {
            long expected = from;
            while (expected < toExclusive) {
                if (!blocks.hasNext()) {
                    throw new IllegalStateException("the peer's block stream ended before block " + expected);
                }
                ChainBlock block = BlockDecoding.decode(blocks.next());
                if (block.number() != expected) {
                    throw new IllegalStateException("the peer sent block " + block.number() + " where " + expected + " was due");
                }
                visitor.accept(block);
                expected++;
            }
        }
    }

    @Override
    public void close() {
        connection.close();
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
