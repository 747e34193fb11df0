package io.ledgernode.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Transactions;
import io.ledgernode.chaincode.testing.FakeLedger;
import io.ledgernode.chaincode.testing.FakeStub;
import io.ledgernode.chaincode.testing.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chaincode server's log names the function, the transaction id and the outcome code, never a request body or an
 * owner reference. Regression of issue "The node holds under hostile input": the shim logged every request's
 * arguments ({@code "ownerRef":...}) and every rejection's text.
 */
class ChaincodeLogTest {
    private static final List<String> LINES = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(final LogRecord record) {
            if (isLoggable(record)) {
                final StringWriter thrown = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(thrown));
                }
                synchronized (LINES) {
                    LINES.add(record.getLoggerName() + " " + formatter.formatMessage(record) + thrown);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static ContractRouter router;
    private final FakeLedger ledger = new FakeLedger();

    @BeforeAll
    static void startRouterWithTheServersLog() throws Exception {
        CAPTURE.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(CAPTURE);
        ChaincodeMain.quietShim();
        router = new ContractRouter(new String[] {"--id", "ledger_test:log"});
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {
                // No network in unit tests.
            }

            @Override
            public void stop() {
                // Nothing started.
            }
        });
    }

    @AfterAll
    static void removeCapture() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    @Test
    void no_request_body_owner_reference_or_rejection_text_reaches_the_log_but_each_outcome_does() {
        invoke("tx-configure", Transactions.GOVERNANCE_CONFIGURE, "{\"issuerMsp\":\"Org1MSP\"}");
        invoke("tx-bad-owner", Transactions.ACCOUNTS_OPEN,
                "{\"id\":\"alice\",\"asset\":\"USD\",\"ownerRef\":\"Jane Doe\",\"jurisdiction\":\"DE\"}");
        invoke("tx-no-asset", Transactions.ACCOUNTS_OPEN,
                "{\"id\":\"alice\",\"asset\":\"USD\",\"ownerRef\":\"cust-7f3a\",\"jurisdiction\":\"DE\"}");
        invoke("tx-odd-name", "Money:steal\"cust-7f3a", "{}");

        final String log;
        synchronized (LINES) {
            log = String.join("\n", LINES);
        }
        assertThat(log).doesNotContain("Jane Doe").doesNotContain("cust-7f3a").doesNotContain("ownerRef")
                .doesNotContain("issuerMsp");
        assertThat(log).contains("fn=Governance:configure tx=tx-configure outcome=OK")
                .contains("fn=Accounts:open tx=tx-bad-owner outcome=INVALID_ARGUMENT")
                .contains("fn=Accounts:open tx=tx-no-asset outcome=UNKNOWN_ASSET")
                .contains("fn=(unknown) tx=tx-odd-name outcome=INVALID_ARGUMENT");
    }

    @Test
    void the_filter_keeps_the_shim_s_warnings_and_the_chaincode_s_own_lines() {
        final ShimLogFilter filter = new ShimLogFilter();

        assertThat(filter.isLoggable(record("org.hyperledger.fabric.shim.impl.InvocationTaskManager", Level.WARNING))).isTrue();
        assertThat(filter.isLoggable(record(ShimLogFilter.CONTRACT_ROUTER, Level.INFO))).isFalse();
        assertThat(filter.isLoggable(record(ShimLogFilter.CONTRACT_ROUTER, Level.SEVERE))).isTrue();
        assertThat(filter.isLoggable(record(ShimLogFilter.RESPONSE_UTILS, Level.SEVERE))).isFalse();
        assertThat(filter.isLoggable(record("org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask", Level.FINE))).isFalse();
        assertThat(filter.isLoggable(record("io.ledgernode.chaincode.tx.TxLog", Level.INFO))).isTrue();
    }

    private static LogRecord record(final String logger, final Level level) {
        final LogRecord record = new LogRecord(level, "x");
        record.setLoggerName(logger);
        return record;
    }

    private Chaincode.Response invoke(final String txId, final String function, final String argument) {
        final FakeStub stub = ledger.simulate(txId, Instant.now(), Scenario.ISSUER_ADMIN.creator(),
                List.of(function.getBytes(UTF_8), argument.getBytes(UTF_8)));
        final Chaincode.Response response = router.invoke(stub);
        if (response.getStatus() == Chaincode.Response.Status.SUCCESS) {
            ledger.commit(stub);
        }
        return response;
    }
}
