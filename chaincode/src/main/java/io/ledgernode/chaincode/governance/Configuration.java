package io.ledgernode.chaincode.governance;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.event.ConfiguredEvent;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.api.governance.LedgerConfig;
import io.ledgernode.chaincode.access.Access;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.tx.Tx;

/** Sets the configuration once, by an admin of the org it names as issuer. */
final class Configuration {
    private final Tx tx;

    Configuration(final Tx tx) {
        this.tx = tx;
    }

    LedgerConfig configure(final ConfigureRequest request) {
        Access.requireAdminOf(tx.caller(), request.issuerMsp());
        if (tx.state().exists(Keys.config())) {
            throw new LedgerException(ErrorCode.ALREADY_CONFIGURED, "Governance:configure has already run");
        }
        final LedgerConfig config = request.toConfig();
        tx.state().write(Keys.config(), config);
        tx.emit(ConfiguredEvent.of(tx.txId(), tx.timestamp(), config));
        return config;
    }
}
