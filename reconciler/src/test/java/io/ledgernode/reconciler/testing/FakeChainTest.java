package io.ledgernode.reconciler.testing;

import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.chain.ChainReaderContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The unit tests' fake chain, held to the behaviour of the real chain reader ({@code GatewayChainReaderIT}). */
class FakeChainTest extends ChainReaderContract {

    private final FakeChain fake = new FakeChain();

    private final Chain chain = new Chain() {
        private final Map<String, String> assetOf = new HashMap<>();
        private int txCounter;

        @Override
        public String assetCode(String base) {
            // Valid codes on the real chain too ([A-Z][A-Z0-9]{2,11}).
            return base + "00";
        }

        @Override
        public String id(String base) {
            return base;
        }

        @Override
        public void register(String asset) {
            commit(new Op.RegisterAsset(asset, 2, false));
        }

        @Override
        public void open(String id, String asset) {
            assetOf.put(id, asset);
            commit(new Op.Open(id, asset, "DE", false));
        }

        @Override
        public void mint(String account, long amount) {
            commit(entry(account, "MINT", amount, null));
        }

        @Override
        public void transfer(String from, String to, String asset, long amount) {
            commit(entry(from, "DEBIT", amount, null), entry(to, "CREDIT", amount, null));
        }

        @Override
        public void placeHold(String holdId, String account, long amount) {
            commit(entry(account, "HOLD", amount, holdId), new Op.PlaceHold(holdId, account, assetOf.get(account), amount, false));
        }

        private Op entry(String account, String kind, long amount, String holdId) {
            return new Op.Entry(account, assetOf.get(account), kind, amount, holdId, false);
        }

        /** One transaction in a block of its own, as a commit on the real chain usually is. */
        private void commit(Op... ops) {
            fake.apply(List.of(List.of(ops)), List.of(String.format("tx%06d", ++txCounter)));
        }
    };

    @Override
    protected Chain chain() {
        return chain;
    }

    @Override
    protected ChainReader openReader() {
        return fake;
    }
}
