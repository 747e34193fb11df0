package io.ledgernode.reconciler.it;

import io.ledgernode.api.Transactions;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.chain.ChainReaderContract;
import io.ledgernode.reconciler.chain.GatewayChainReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;

/**
 * The real chain reader on the network at {@code ledger.it.home}, held to the contract the unit tests' fake chain is
 * held to ({@code FakeChainTest}): the reconciler's unit tests stand for what happens on the real chain.
 */
class GatewayChainReaderIT extends ChainReaderContract {

    private final NetworkUnderTest net = new NetworkUnderTest();

    private final Chain chain = new Chain() {
        @Override
        public String assetCode(String base) {
            return base + net.runId;
        }

        @Override
        public String id(String base) {
            return net.id(base);
        }

        @Override
        public void register(String asset) {
            net.commit(Transactions.ASSETS_REGISTER, "{\"code\":\"" + asset + "\",\"decimals\":2}");
        }

        @Override
        public void open(String id, String asset) {
            net.commit(Transactions.ACCOUNTS_OPEN, NetworkUnderTest.account(id, asset));
        }

        @Override
        public void mint(String account, long amount) {
            net.commit(Transactions.MONEY_MINT, net.mint(account, amount));
        }

        @Override
        public void transfer(String from, String to, String asset, long amount) {
            net.commit(Transactions.MONEY_TRANSFER, net.transfer(from, to, asset, amount));
        }

        @Override
        public void placeHold(String holdId, String account, long amount) {
            String expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            net.commit(Transactions.HOLDS_PLACE, "{\"idempotencyKey\":\"" + net.id("p-" + holdId) + "\",\"holdId\":\"" + holdId
                    + "\",\"account\":\"" + account + "\",\"amount\":\"" + amount + "\",\"expiresAt\":\"" + expires + "\"}");
        }
    };

    @Override
    protected Chain chain() {
        return chain;
    }

    @Override
    protected ChainReader openReader() {
        // The reconciler's own identity, as Reconciler and NetworkUnderTest.reconcile() open it.
        return GatewayChainReader.open(net.profile, net.config.network().org(), net.config.network().identity());
    }

    @AfterAll
    void closeNetwork() {
        net.close();
    }
}
