package io.ledgernode.chaincode;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.COMPLIANCE;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.OTHER_BANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.account.HoldsPage;
import io.ledgernode.api.account.PageRequest;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.api.event.AccountEvent;
import io.ledgernode.api.event.AccountsOpenedEvent;
import io.ledgernode.api.event.HoldEvent;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a mixed sequence (mints, transfers, a batch, holds captured in part, voided and released, a burn, freezes,
 * limits, retries and rejections), the events alone rebuild every account, balance, open hold and supply, and the
 * supply equals the sum of balances and open holds.
 */
class EventsRebuildTest {
    private final Scenario scenario = Scenario.funded();

    @BeforeEach
    void mixedSequence() {
        scenario.mint("alice", 10_000);
        scenario.mint("dave", 5_000);
        scenario.mint("treasury", 2_000);
        scenario.transfer(BANK, "alice", "bob", 1_250);
        scenario.transfer(OTHER_BANK, "dave", "carol", 700);
        scenario.transfer(BANK, "carol", "alice", 10_000);                   // rejected: insufficient
        scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH, TransferBatchRequest.of("batch-1", List.of(
                TransferLeg.of("bob", "carol", "USD", Amount.of(250), null),
                TransferLeg.of("carol", "dave", "USD", Amount.of(900), "settle"))));
        scenario.placeHold("h1", "alice", 3_000, Duration.ofMinutes(5));
        scenario.placeHold("h2", "alice", 1_000, Duration.ofMinutes(5));
        scenario.placeHold("h3", "bob", 500, Duration.ofMinutes(1));
        scenario.placeHold("h4", "carol", 50, Duration.ofMinutes(30));
        scenario.submit(BANK, Transactions.HOLDS_CAPTURE, CaptureHoldRequest.of("cap", "h1", "dave", Amount.of(1_200)));
        scenario.submit(BANK, Transactions.HOLDS_CAPTURE, CaptureHoldRequest.of("cap", "h1", "dave", Amount.of(1_200)));
        scenario.submit(BANK, Transactions.HOLDS_VOID, HoldRequest.of("h2"));
        scenario.harness().clock().advance(Duration.ofMinutes(2));
        scenario.release(OTHER_BANK, "h3");
        scenario.submit(ISSUER, Transactions.MONEY_BURN, BurnRequest.of("burn-1", "treasury", Amount.of(300)));
        scenario.freeze("bob");
        scenario.transfer(BANK, "alice", "bob", 1);                             // rejected: frozen
        scenario.setLimits("alice", 5_000L, null);
        scenario.submit(COMPLIANCE, Transactions.COMPLIANCE_UNFREEZE, UnfreezeRequest.of("bob"));
        scenario.transfer(BANK, "alice", "bob", 2);
    }

    @Test
    void every_committed_change_emitted_exactly_one_event_and_nothing_else_did() {
        assertThat(scenario.harness().committed()).isNotEmpty().allSatisfy(outcome -> {
            final boolean changed = !outcome.stub().writes().isEmpty();
            assertThat(outcome.events()).hasSize(changed ? 1 : 0);
        });
        // The replayed capture is refused as a replay: no committed transaction changed nothing.
        assertThat(scenario.harness().committed()).filteredOn(outcome -> outcome.events().isEmpty()).isEmpty();
    }

    @Test
    void the_events_alone_rebuild_every_account_balance_open_hold_and_supply() {
        final Map<String, Account> accounts = new TreeMap<>();
        final Map<String, Long> balances = new TreeMap<>();
        final Map<String, Long> held = new TreeMap<>();
        final Map<String, Long> supply = new TreeMap<>();
        final Map<String, Hold> openHolds = new TreeMap<>();
        for (final Outcome outcome : scenario.harness().committed()) {
            for (final Map.Entry<String, byte[]> raw : outcome.events()) {
                final LedgerEvent event = LedgerEvents.parse(raw.getKey(), raw.getValue());
                apply(event, accounts, openHolds);
                for (final Entry entry : event.entries()) {
                    apply(entry, balances, held, supply);
                }
            }
        }
        for (final Account account : accounts.values()) {
            final AccountView view = scenario.view(account.id());
            assertThat(LedgerJson.writeString(view.account())).isEqualTo(LedgerJson.writeString(account));
            assertThat(view.balance().minorUnits()).as(account.id()).isEqualTo(balances.getOrDefault(account.id(), 0L));
            assertThat(view.held().minorUnits()).as(account.id()).isEqualTo(held.getOrDefault(account.id(), 0L));
        }
        assertThat(accounts.get("bob").status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(accounts.get("alice").limits().perTransferMax()).isEqualTo(Amount.of(5_000));
        assertThat(scenario.supply("USD")).isEqualTo(supply.get("USD"));
        final TreeSet<String> queriedOpen = new TreeSet<>();
        for (final String account : accounts.keySet()) {
            scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HOLDS,
                    LedgerJson.writeString(PageRequest.of(account, null, null))).result(HoldsPage.class).holds()
                    .forEach(hold -> queriedOpen.add(hold.id()));
        }
        assertThat(queriedOpen).containsExactlyElementsOf(openHolds.keySet()).containsExactly("h4");
    }

    @Test
    void supply_equals_the_sum_of_balances_plus_open_holds() {
        long sum = 0;
        for (final String id : new String[] {"alice", "bob", "carol", "dave", "treasury"}) {
            sum = Math.addExact(sum, Math.addExact(scenario.balance(id), scenario.held(id)));
        }
        assertThat(scenario.supply("USD")).isEqualTo(sum).isEqualTo(10_000 + 5_000 + 2_000 - 300);
    }

    private static void apply(final LedgerEvent event, final Map<String, Account> accounts,
            final Map<String, Hold> openHolds) {
        if (event instanceof AccountsOpenedEvent) {
            ((AccountsOpenedEvent) event).accounts().forEach(account -> accounts.put(account.id(), account));
        } else if (event instanceof AccountEvent) {
            final Account account = ((AccountEvent) event).account();
            accounts.put(account.id(), account);
        } else if (event instanceof HoldEvent) {
            final Hold hold = ((HoldEvent) event).hold();
            if (hold.status() == HoldStatus.OPEN) {
                openHolds.put(hold.id(), hold);
            } else {
                openHolds.remove(hold.id());
            }
        }
    }

    private static void apply(final Entry entry, final Map<String, Long> balances, final Map<String, Long> held,
            final Map<String, Long> supply) {
        final long amount = entry.amount().minorUnits();
        final Map<String, Long> deltas = new HashMap<>();
        switch (entry.kind()) {
            case MINT:
                supply.merge(entry.asset(), amount, Math::addExact);
                deltas.put("balance", amount);
                break;
            case BURN:
                supply.merge(entry.asset(), -amount, Math::addExact);
                deltas.put("balance", -amount);
                break;
            case CREDIT:
                deltas.put("balance", amount);
                break;
            case DEBIT:
                deltas.put("balance", -amount);
                break;
            case HOLD:
                deltas.put("balance", -amount);
                deltas.put("held", amount);
                break;
            case HOLD_RELEASE:
                deltas.put("balance", amount);
                deltas.put("held", -amount);
                break;
            case HOLD_CAPTURE:
                deltas.put("held", -amount);
                break;
            default:
                throw new AssertionError(entry.kind());
        }
        balances.merge(entry.account(), deltas.getOrDefault("balance", 0L), Math::addExact);
        held.merge(entry.account(), deltas.getOrDefault("held", 0L), Math::addExact);
    }
}
