package io.ledgernode.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Instants;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.TransferRequest;
import java.time.Duration;

/**
 * The cast and common steps of the ledger tests. Org1 is the issuer (its admin configures; a client with
 * {@code ledger.role=compliance} is its compliance officer); Org2 is a bank, custodian of alice, bob and carol; Org3 a
 * second bank, custodian of dave.
 */
public final class Scenario {
    public static final TestIdentity ISSUER_ADMIN = TestIdentity.admin("Org1MSP", "issuer-admin");
    public static final TestIdentity ISSUER = TestIdentity.client("Org1MSP", "treasury-desk");
    public static final TestIdentity COMPLIANCE = TestIdentity.withRole("Org1MSP", "officer", "compliance");
    public static final TestIdentity BANK = TestIdentity.client("Org2MSP", "bank-desk");
    public static final TestIdentity BANK_ADMIN = TestIdentity.admin("Org2MSP", "bank-admin");
    public static final TestIdentity OTHER_BANK = TestIdentity.client("Org3MSP", "other-desk");

    private final LedgerHarness harness;
    private int keys;

    public Scenario() {
        this(new LedgerHarness());
    }

    public Scenario(final LedgerHarness harness) {
        this.harness = harness;
    }

    public LedgerHarness harness() {
        return harness;
    }

    /** Configured with Org1 as issuer, USD registered, alice/bob/carol (Org2) and dave (Org3) and treasury (Org1). */
    public static Scenario funded() {
        final Scenario scenario = new Scenario();
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP"));
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2));
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("EUR", 2));
        for (final String id : new String[] {"alice", "bob", "carol"}) {
            scenario.open(BANK, id, "USD");
        }
        scenario.open(OTHER_BANK, "dave", "USD");
        scenario.open(ISSUER, "treasury", "USD");
        scenario.open(BANK, "euro-acct", "EUR");
        return scenario;
    }

    public void open(final TestIdentity custodian, final String id, final String asset) {
        ok(custodian, Transactions.ACCOUNTS_OPEN, OpenAccountRequest.of(id, asset, "ref-" + id, "DE"));
    }

    public Outcome mint(final String account, final long amount) {
        return submit(ISSUER, Transactions.MONEY_MINT, MintRequest.of(nextKey(), account, Amount.of(amount)));
    }

    public Outcome transfer(final TestIdentity caller, final String from, final String to, final long amount) {
        return submit(caller, Transactions.MONEY_TRANSFER,
                TransferRequest.of(nextKey(), from, to, "USD", Amount.of(amount), null));
    }

    public Outcome placeHold(final String holdId, final String account, final long amount, final Duration expiresIn) {
        return submit(BANK, Transactions.HOLDS_PLACE, PlaceHoldRequest.of(nextKey(), holdId, account,
                Amount.of(amount), Instants.format(harness.clock().instant().plus(expiresIn)),
                null));
    }

    public Outcome release(final TestIdentity caller, final String holdId) {
        return submit(caller, Transactions.HOLDS_RELEASE, HoldRequest.of(holdId));
    }

    public Outcome freeze(final String account) {
        return submit(COMPLIANCE, Transactions.COMPLIANCE_FREEZE, FreezeRequest.of(account, "sanctions screening"));
    }

    public Outcome setLimits(final String account, final Long perTransferMax, final Long dailyDebitMax) {
        return submit(COMPLIANCE, Transactions.COMPLIANCE_SET_LIMITS, SetLimitsRequest.of(account,
                perTransferMax == null ? null : Amount.of(perTransferMax),
                dailyDebitMax == null ? null : Amount.of(dailyDebitMax)));
    }

    /** The exact balance from {@code Accounts:get}. */
    public long balance(final String account) {
        return view(account).balance().minorUnits();
    }

    public long held(final String account) {
        return view(account).held().minorUnits();
    }

    public AccountView view(final String account) {
        return harness.evaluate(BANK, Transactions.ACCOUNTS_GET, account).result(AccountView.class);
    }

    public long supply(final String asset) {
        return harness.evaluate(BANK, Transactions.ASSETS_SUPPLY, asset).result(Supply.class).supply().minorUnits();
    }

    /** Submits a request object as its JSON. */
    public Outcome submit(final TestIdentity caller, final String transaction, final Object request) {
        return harness.submit(caller, transaction, LedgerJson.writeString(request));
    }

    /** Submits and asserts the transaction committed, with exactly one event. */
    public Outcome ok(final TestIdentity caller, final String transaction, final Object request) {
        final Outcome outcome = submit(caller, transaction, request);
        assertThat(outcome.success()).as("%s: %s", transaction, outcome.message()).isTrue();
        assertThat(outcome.validation()).isEqualTo(FakeLedger.Validation.VALID);
        assertThat(outcome.events()).hasSize(1);
        return outcome;
    }

    /** The outcome is a replay refused as such: the original transaction and result it names. */
    public static io.ledgernode.api.IdempotentReplay assertReplayed(final Outcome outcome) {
        assertRejected(outcome, ErrorCode.REPLAYED);
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.stub().writes()).isEmpty();
        return LedgerJson.read(LedgerJson.read(outcome.payload(), io.ledgernode.api.ErrorPayload.class).message(),
                io.ledgernode.api.IdempotentReplay.class);
    }

    /** Asserts a rejection with this code; a rejected transaction commits nothing. */
    public static void assertRejected(final Outcome outcome, final ErrorCode code) {
        assertThat(outcome.success()).as("expected %s but succeeded: %s", code, outcome.payload()).isFalse();
        assertThat(outcome.code()).as(outcome.message()).isEqualTo(code);
        assertThat(outcome.validation()).isNull();
    }

    public String nextKey() {
        keys++;
        return "key-" + keys;
    }
}
