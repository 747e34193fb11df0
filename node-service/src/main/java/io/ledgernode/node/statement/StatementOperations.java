package io.ledgernode.node.statement;

import io.ledgernode.api.Instants;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.Require;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Balance;
import io.ledgernode.mirror.MirrorView;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.mirror.Mirror;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * An account's statement for a period: its opening balance, every entry in the period with its counterparty and
 * reference and the balance after it, its closing balance and the blocks it reflects, all from one mirror snapshot
 * and streamed to the caller as it is read. Whoever may read the account's history may have its statement (its
 * wallet, auditors, operators, the issuer, a regulator of its jurisdiction); any other caller gets the 404 a missing
 * account gets. A statement holds a mirror connection while it is written, so at most {@code concurrentMax} are
 * written at once; beyond that a caller is told to retry (503 OVERLOADED).
 */
public final class StatementOperations {

    /** A period's bound as a date (midnight UTC) or an instant. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Where a statement goes: the response, started only once every check has passed. */
    @FunctionalInterface
    public interface Target {
        OutputStream start(StatementFormat format, String fileName) throws IOException;
    }

    private final Mirror mirror;
    private final Semaphore inFlight;
    private final Clock clock;

    public StatementOperations(Mirror mirror, int concurrentMax, Clock clock) {
        if (concurrentMax < 1) {
            throw new IllegalArgumentException("node.statement.concurrent-max must be at least 1, got " + concurrentMax);
        }
        this.mirror = mirror;
        this.inFlight = new Semaphore(concurrentMax);
        this.clock = clock;
    }

    /**
     * Writes the statement of {@code accountId} for {@code [from, to)} (from the account's first entry, and up to now,
     * when absent) in {@code format} (JSON when absent) to the target. Every parameter is checked before the mirror is
     * asked anything.
     */
    public void write(Caller caller, String accountId, Optional<String> fromText, Optional<String> toText, Optional<String> formatText,
                      Target target) {
        Require.accountId("id", accountId);
        StatementFormat format = StatementFormat.parse(formatText);
        Instant from = fromText.map(text -> bound("from", text)).orElse(Instant.EPOCH);
        Instant to = toText.map(text -> bound("to", text)).orElseGet(clock::instant);
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from must be before to");
        }
        if (!inFlight.tryAcquire()) {
            throw new ApiException(ApiErrorCode.Service.OVERLOADED, "the node is writing as many statements as it writes at once; "
                    + "retry shortly").retryAfter(RETRY_AFTER);
        }
        try {
            mirror.read(view -> {
                write(view, caller, accountId, from, to, format, target);
                return null;
            });
        } finally {
            inFlight.release();
        }
    }

    private void write(MirrorView view, Caller caller, String accountId, Instant from, Instant to, StatementFormat format, Target target)
            throws SQLException {
        Optional<Account> account = view.account(accountId);
        if (account.isEmpty() || !caller.mayRead(accountId, account.get().jurisdiction())) {
            throw ApiException.notFound("account " + accountId);
        }
        Asset asset = view.asset(account.get().asset())
                .orElseThrow(() -> new IllegalStateException("the mirror has account " + accountId + " of no asset it knows"));
        Balance opening = view.balanceBefore(accountId, from);
        StatementHead head = new StatementHead(accountId, asset.code(), asset.decimals(), account.get().jurisdiction(), from, to, opening,
                view.height(), clock.instant());
        try {
            OutputStream out = target.start(format, "statement-" + accountId + "-" + day(from) + "-" + day(to) + "." + format.extension());
            StatementSink sink = format.sink(out);
            sink.head(head);
            Totals totals = new Totals(opening);
            view.streamEntries(accountId, from, to, entry -> {
                totals.add(entry);
                try {
                    sink.line(new StatementLine(entry, totals.balance));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            sink.tail(totals.tail());
        } catch (IOException e) {
            // The caller went away, or the response could not be written: nothing to answer any more.
            throw new UncheckedIOException(e);
        }
    }

    /** Running sums as the entries are read. */
    private static final class Totals {
        private Balance balance;
        private long entries;
        private long credited;
        private long debited;
        private Long firstBlock;
        private Long lastBlock;

        Totals(Balance opening) {
            this.balance = opening;
        }

        void add(io.ledgernode.mirror.Entry entry) {
            balance = balance.after(entry);
            long change = entry.kind().balanceDelta(entry.amount());
            if (change > 0) {
                credited = Math.addExact(credited, change);
            } else {
                debited = Math.subtractExact(debited, change);
            }
            entries++;
            if (firstBlock == null) {
                firstBlock = entry.blockNumber();
            }
            lastBlock = entry.blockNumber();
        }

        StatementTail tail() {
            return new StatementTail(balance, entries, credited, debited, firstBlock, lastBlock);
        }
    }

    /** {@code 2026-12-01} (midnight UTC) or an ISO-8601 UTC instant with at most milliseconds. */
    private static Instant bound(String name, String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(name + " is not a date (YYYY-MM-DD) or an ISO-8601 UTC instant");
            }
        }
        try {
            return Instants.parse(name, text);
        } catch (LedgerException e) {
            throw ApiException.badRequest(name + " is not a date (YYYY-MM-DD) or an ISO-8601 UTC instant");
        }
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
