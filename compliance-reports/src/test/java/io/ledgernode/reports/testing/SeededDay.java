package io.ledgernode.reports.testing;

import io.ledgernode.mirror.testing.EmbeddedMirror;
import static io.ledgernode.api.money.EntryKind.BURN;
import static io.ledgernode.api.money.EntryKind.CREDIT;
import static io.ledgernode.api.money.EntryKind.DEBIT;
import static io.ledgernode.api.money.EntryKind.HOLD;
import static io.ledgernode.api.money.EntryKind.HOLD_CAPTURE;
import static io.ledgernode.api.money.EntryKind.HOLD_RELEASE;
import static io.ledgernode.api.money.EntryKind.MINT;
import static io.ledgernode.reports.testing.MirrorSeed.e;
import static io.ledgernode.reports.testing.MirrorSeed.invalid;
import static io.ledgernode.reports.testing.MirrorSeed.valid;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The day every report test reads: 2026-11-22, reported at cut-off block 7, with accounts in DE and FR.
 *
 * <pre>
 * block 0 (11-21)  assets USD and EUR (2 decimals)           accounts: alice, alice2 (both owner-alice), bob: DE
 * block 1 (11-21)  accounts opened                                     carol (USD), dave (EUR): FR
 * block 2 (11-21)  mints: alice 20000, alice2 10000, bob 10000, dave 30000
 * block 3 (11-22)  t3  alice -> carol 4000 (DE -> FR);  an MVCC_READ_CONFLICT transaction
 * block 4 (11-22)  t4  batch: alice2 -> carol 4000, bob -> carol 500
 * block 5 (11-22)  t5  alice -> bob 4000;  t6h hold h1 on bob 3000;  t6c capture h1: 2000 to carol, 1000 back;
 *                  t7  mint dave 7000 EUR;  t8  burn dave 500 EUR
 * block 6 (11-22 23:59:59)  t9  hold h2 on bob 1500 (open at the cut-off)
 * block 7 (11-23)  t10 bob -> carol 100 (the next day)
 * ---- cut-off ----
 * block 8 (11-22 23:30, a day-time timestamp in a later block)  t11 alice -> bob 7000
 * block 9 (11-23)  account erin (FR) opened, t12 mint erin 100; t13 h2 voided (1500 back to bob)
 * </pre>
 *
 * At the cut-off: alice 12000, alice2 6000, bob 9900 + 1500 held, carol 10600; USD supply 40000; dave 36500 EUR.
 * Now (block 9): alice 5000, bob 18400, erin 100; USD supply 40100.
 */
public final class SeededDay {

    public static final LocalDate DAY = LocalDate.parse("2026-11-22");
    public static final long CUT_OFF = 7;
    public static final long LAST_BLOCK = 9;

    public static final String T3 = MirrorSeed.txId("t3");
    public static final String T4 = MirrorSeed.txId("t4");
    public static final String T5 = MirrorSeed.txId("t5");
    public static final String T6H = MirrorSeed.txId("t6h");
    public static final String T6C = MirrorSeed.txId("t6c");
    public static final String T7 = MirrorSeed.txId("t7");
    public static final String T8 = MirrorSeed.txId("t8");
    public static final String T9 = MirrorSeed.txId("t9");
    public static final String T10 = MirrorSeed.txId("t10");
    public static final String T11 = MirrorSeed.txId("t11");
    public static final String CONFLICTED = MirrorSeed.txId("t3-mvcc");

    private SeededDay() {
    }

    /** A fresh mirror holding the day; its reader data source. */
    public static EmbeddedMirror.Database mirror() throws SQLException {
        EmbeddedMirror.Database mirror = EmbeddedMirror.shared().fresh();
        seed(new MirrorSeed(mirror.admin()));
        return mirror;
    }

    static void seed(MirrorSeed seed) throws SQLException {
        seed.asset("USD", 2, 0).asset("EUR", 2, 0)
                .account("alice", "USD", "owner-alice", "DE", 1)
                .account("alice2", "USD", "owner-alice", "DE", 1)
                .account("bob", "USD", "owner-bob", "DE", 1)
                .account("carol", "USD", "owner-carol", "FR", 1)
                .account("dave", "EUR", "owner-dave", "FR", 1)
                .account("erin", "USD", "owner-erin", "FR", 9);
        seed.block(0, at("2026-11-21T09:00:00Z"), valid("assets", at("2026-11-21T09:00:00Z")))
                .block(1, at("2026-11-21T09:01:00Z"), valid("accounts", at("2026-11-21T09:01:00Z")))
                .block(2, at("2026-11-21T10:00:00Z"),
                        valid("m1", at("2026-11-21T10:00:00Z"), e("alice", MINT, 20_000)),
                        valid("m2", at("2026-11-21T10:00:00Z"), e("alice2", MINT, 10_000)),
                        valid("m3", at("2026-11-21T10:00:00Z"), e("bob", MINT, 10_000)),
                        valid("m4", at("2026-11-21T10:00:00Z"), e("dave", MINT, 30_000)))
                .block(3, at("2026-11-22T08:00:00Z"),
                        valid("t3", at("2026-11-22T08:00:00Z"), e("alice", DEBIT, 4_000), e("carol", CREDIT, 4_000)),
                        invalid("t3-mvcc", "MVCC_READ_CONFLICT", at("2026-11-22T08:00:01Z")))
                .block(4, at("2026-11-22T09:00:00Z"),
                        valid("t4", at("2026-11-22T09:00:00Z"), e("alice2", DEBIT, 4_000), e("carol", CREDIT, 4_000),
                                e("bob", DEBIT, 500), e("carol", CREDIT, 500)))
                .block(5, at("2026-11-22T10:00:00Z"),
                        valid("t5", at("2026-11-22T10:00:00Z"), e("alice", DEBIT, 4_000), e("bob", CREDIT, 4_000)),
                        valid("t6h", at("2026-11-22T10:00:01Z"), e("bob", HOLD, 3_000, "h1")),
                        valid("t6c", at("2026-11-22T10:00:02Z"), e("bob", HOLD_CAPTURE, 2_000, "h1"),
                                e("carol", CREDIT, 2_000), e("bob", HOLD_RELEASE, 1_000, "h1")),
                        valid("t7", at("2026-11-22T10:00:03Z"), e("dave", MINT, 7_000)),
                        valid("t8", at("2026-11-22T10:00:04Z"), e("dave", BURN, 500)))
                .block(6, at("2026-11-22T23:59:59Z"),
                        valid("t9", at("2026-11-22T23:59:59Z"), e("bob", HOLD, 1_500, "h2")))
                .block(7, at("2026-11-23T00:00:01Z"),
                        valid("t10", at("2026-11-23T00:00:01Z"), e("bob", DEBIT, 100), e("carol", CREDIT, 100)))
                .block(8, at("2026-11-22T23:30:00Z"),
                        valid("t11", at("2026-11-22T23:30:00Z"), e("alice", DEBIT, 7_000), e("bob", CREDIT, 7_000)))
                .block(9, at("2026-11-23T01:00:00Z"),
                        valid("t12", at("2026-11-23T01:00:00Z"), e("erin", MINT, 100)),
                        valid("t13", at("2026-11-23T01:00:01Z"), e("bob", HOLD_RELEASE, 1_500, "h2")));
        seed.hold("h1", "bob", 3_000, "CAPTURED", "t6h", 5, "t6c", 5L)
                .hold("h2", "bob", 1_500, "VOIDED", "t9", 6, "t13", 9L);
        seed.finish();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
