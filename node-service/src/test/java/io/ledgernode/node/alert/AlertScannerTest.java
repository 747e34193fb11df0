package io.ledgernode.node.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.mirror.testing.MirrorSeeder;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.notification.NotificationDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compliance alerts raised on committed transfers in a real mirror, kept once each, listed by jurisdiction. */
class AlertScannerTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00.000Z");
    private static final AlertConfig CONFIG = new AlertConfig(true, Duration.ofSeconds(1), 1000, List.of(
            new AlertConfig.Threshold("FR", "EUR", 500_000), new AlertConfig.Threshold("*", "*", 1_000_000)), 90, 3, Duration.ofHours(24));

    private MirrorSeeder seed;
    private Mirror mirror;
    private AlertStore store;
    private int block = 1;

    @BeforeEach
    void seed() throws SQLException {
        EmbeddedMirror.Database db = EmbeddedMirror.shared().fresh();
        mirror = new Mirror(db.reader());
        seed = db.seeder();
        seed.block(new Block(0, fill(1), new byte[32], fill(2), 1, T0, T0)).transaction(tx(0, "tx-open", T0))
                .asset(new Asset("EUR", 2, 0, 0, "tx-open")).account(account("alice", "DE")).account(account("bob", "FR"))
                .account(account("carol", "DE")).checkpoint(1);
        NotificationDatabase.migrate(db.admin());
        store = new AlertStore(db.admin());
    }

    /** A transfer from {@code from} to {@code to}, in a block of its own, at {@code at}. */
    private void transfer(String from, String to, long amount, Instant at) throws SQLException {
        int b = block++;
        seed.block(new Block(b, fill(b + 2), fill(b + 1), fill(b + 3), 1, at, at)).transaction(tx(b, "tx-" + b, at))
                .entry(new Entry(b, 0, 0, "tx-" + b, from, "EUR", EntryKind.DEBIT, amount, null, at, to, null))
                .entry(new Entry(b, 0, 1, "tx-" + b, to, "EUR", EntryKind.CREDIT, amount, null, at, from, null))
                .advanceCheckpoint(b);
    }

    private AlertScanner scanner() {
        return new AlertScanner(store, mirror, CONFIG, Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC));
    }

    private List<Alert> all() throws SQLException {
        return store.after(0, Optional.empty(), Optional.empty(), 100);
    }

    @Test
    void a_transfer_at_or_above_each_sides_jurisdiction_threshold_is_a_large_value_alert_on_that_side() throws SQLException {
        transfer("alice", "bob", 600_000, T0);      // over FR's 500,000 (bob), under the default 1,000,000 (alice, DE)
        transfer("alice", "carol", 1_000_000, T0.plusSeconds(1)); // exactly the default: both sides, both DE

        AlertScanner.Round round = scanner().round();

        assertThat(round.entries()).isEqualTo(4);
        assertThat(all()).extracting(a -> a.kind() + " " + a.accountId() + " " + a.jurisdiction() + " " + a.threshold().getAsLong())
                .containsExactly("LARGE_VALUE bob FR 500000", "LARGE_VALUE alice DE 1000000", "LARGE_VALUE carol DE 1000000");
    }

    @Test
    void the_third_transfer_just_under_the_threshold_within_the_window_is_one_structuring_alert() throws SQLException {
        transfer("alice", "carol", 950_000, T0);
        transfer("alice", "carol", 990_000, T0.plus(Duration.ofHours(2)));
        scanner().round();
        assertThat(all()).isEmpty();
        transfer("alice", "carol", 999_999, T0.plus(Duration.ofHours(5)));
        transfer("alice", "carol", 960_000, T0.plus(Duration.ofHours(6)));
        // Below 90 % of the threshold: not counted.
        transfer("alice", "carol", 899_999, T0.plus(Duration.ofHours(7)));

        scanner().round();

        // One alert per side: alice sent three, carol received three; the fourth in the window raises none again.
        assertThat(all()).extracting(a -> a.kind() + " " + a.accountId()).containsExactly("STRUCTURING alice", "STRUCTURING carol");
        assertThat(all().get(0).detail()).startsWith("account alice sent 3 transfers of EUR within PT24H");
        // Scanning again raises nothing twice.
        scanner().round();
        assertThat(all()).hasSize(2);
    }

    @Test
    void transfers_outside_the_window_do_not_add_up_to_structuring() throws SQLException {
        transfer("alice", "carol", 950_000, T0);
        transfer("alice", "carol", 950_000, T0.plus(Duration.ofHours(25)));
        transfer("alice", "carol", 950_000, T0.plus(Duration.ofHours(50)));

        scanner().round();

        assertThat(all()).isEmpty();
    }

    @Test
    void a_refused_transfer_to_a_frozen_account_is_an_alert_listed_to_its_regulator_and_auditors_only() throws SQLException {
        seed.execute("UPDATE mirror.accounts SET status = 'FROZEN' WHERE id = 'bob'");
        AlertOperations operations = new AlertOperations(store, mirror, Clock.fixed(T0, ZoneOffset.UTC), 20, 100);
        Caller sender = new Caller("w-alice", "test", Set.of(Role.WALLET), Set.of("alice"), Optional.empty(), Optional.empty(), T0.plusSeconds(60));

        operations.refusedFrozen(sender, List.of(TransferLeg.of("alice", "bob", "EUR", Amount.of(1234), "inv-1"),
                TransferLeg.of("alice", "carol", "EUR", Amount.of(1), null)));

        Caller regulatorFr = new Caller("reg-fr", "test", Set.of(Role.REGULATOR), Set.of(), Optional.of("FR"), Optional.empty(), T0.plusSeconds(60));
        Caller regulatorDe = new Caller("reg-de", "test", Set.of(Role.REGULATOR), Set.of(), Optional.of("DE"), Optional.empty(), T0.plusSeconds(60));
        Caller auditor = new Caller("aud", "test", Set.of(Role.AUDITOR), Set.of(), Optional.empty(), Optional.empty(), T0.plusSeconds(60));
        assertThat(operations.list(regulatorFr, Optional.empty(), Optional.empty(), Optional.empty()).alerts())
                .singleElement().satisfies(alert -> {
                    assertThat(alert.kind()).isEqualTo("FROZEN_ACCOUNT_RECEIVING");
                    assertThat(alert.accountId()).isEqualTo("bob");
                    assertThat(alert.amount()).isEqualTo("1234");
                    assertThat(alert.txId()).isNull();
                });
        assertThat(operations.list(regulatorDe, Optional.empty(), Optional.empty(), Optional.empty()).alerts()).isEmpty();
        assertThat(operations.list(auditor, Optional.of("frozen_account_receiving"), Optional.empty(), Optional.empty()).alerts()).hasSize(1);
        assertThatThrownBy(() -> operations.list(sender, Optional.empty(), Optional.empty(), Optional.empty())).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> operations.list(auditor, Optional.of("HUGE"), Optional.empty(), Optional.empty())).isInstanceOf(ApiException.class);
    }

    private static Account account(String id, String jurisdiction) {
        return new Account(id, "EUR", "Org1MSP", "ref-" + id, jurisdiction, AccountStatus.ACTIVE, OptionalLong.empty(), OptionalLong.empty(),
                0, 0, 0, 0);
    }

    private static Transaction tx(long block, String txId, Instant at) {
        return new Transaction(block, 0, txId, "ENDORSER_TRANSACTION", "VALID", "Org1MSP", "ledger", "Money:transfer", at, null);
    }

    private static byte[] fill(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
