package io.ledgernode.chaos.check;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.MirrorView;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/** Reads the bank's balances from one peer (that peer alone, no failover) and from one org's mirror. */
final class Sources {

    private Sources() {
    }

    static Balances fromPeer(String peer, LedgerClient client, String asset, Set<String> accounts) {
        Map<String, Balances.Line> lines = new LinkedHashMap<>();
        for (String id : accounts) {
            AccountView view = LedgerJson.read(client.evaluate(Transactions.ACCOUNTS_GET, id), AccountView.class);
            lines.put(id, new Balances.Line(view.balance().minorUnits(), view.held().minorUnits()));
        }
        Supply supply = LedgerJson.read(client.evaluate(Transactions.ASSETS_SUPPLY, asset), Supply.class);
        return new Balances(peer, lines, supply.supply().minorUnits());
    }

    /** {@code jdbcUrl} like {@code jdbc:postgresql://127.0.0.1:25432/ledger?user=ledger_reader}. */
    static Balances fromMirror(String org, String jdbcUrl, String asset, Set<String> accounts) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        try (MirrorView view = MirrorView.open(dataSource)) {
            Map<String, Balances.Line> lines = new LinkedHashMap<>();
            for (String id : accounts) {
                Optional<Account> account = view.account(id);
                lines.put(id, account.map(a -> new Balances.Line(a.balance(), a.held())).orElse(new Balances.Line(-1, -1)));
            }
            long supply = view.assets(100_000).stream().filter(a -> a.code().equals(asset)).mapToLong(Asset::supply)
                    .findFirst().orElse(-1);
            return new Balances(org + " mirror", lines, supply);
        }
    }
}
