package io.ledgernode.chaincode.tx;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Instants;
import io.ledgernode.api.LedgerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The one use of the peer's own clock: a transaction whose timestamp differs from it by more than the tolerance is
 * rejected with {@link ErrorCode#TX_TIME_OUT_OF_TOLERANCE}. Every endorsing peer checks, so a client cannot forge the
 * time that hold expiry and daily limits go by.
 */
public final class TxTimeGuard {
    /** The chaincode server's environment variable holding the tolerance, an ISO-8601 duration. */
    public static final String TOLERANCE_ENV = "LEDGER_TX_CLOCK_TOLERANCE";
    public static final Duration TOLERANCE_DEFAULT = Duration.ofSeconds(60);

    private final Clock clock;
    private final Duration tolerance;

    private TxTimeGuard(final Clock clock, final Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
    }

    public static TxTimeGuard of(final Clock clock, final Duration tolerance) {
        return new TxTimeGuard(clock, tolerance);
    }

    /**
     * The guard configured by {@value #TOLERANCE_ENV} (default {@code PT60S}). A value that is not a non-negative
     * ISO-8601 duration stops the chaincode loudly rather than running with a guess.
     */
    public static TxTimeGuard fromEnvironment(final Map<String, String> environment, final Clock clock) {
        final String text = environment.get(TOLERANCE_ENV);
        if (text == null || text.isBlank()) {
            return of(clock, TOLERANCE_DEFAULT);
        }
        try {
            return of(clock, Duration.parse(text.trim()));
        } catch (final DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException(TOLERANCE_ENV + " must be a non-negative ISO-8601 duration such as PT60S, not "
                    + text, e);
        }
    }

    /** The guard of this chaincode process: the system clock and the environment's tolerance, read once. */
    public static TxTimeGuard system() {
        return SystemGuard.INSTANCE;
    }

    public Duration tolerance() {
        return tolerance;
    }

    /** Rejects a transaction timestamp further than the tolerance from this peer's clock. */
    public void check(final Instant txTime) {
        if (txTime == null) {
            throw new LedgerException(ErrorCode.TX_TIME_OUT_OF_TOLERANCE, "the transaction has no timestamp");
        }
        final Instant now = clock.instant();
        final Duration skew = Duration.between(now, txTime).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new LedgerException(ErrorCode.TX_TIME_OUT_OF_TOLERANCE, "transaction time "
                    + Instants.format(txTime) + " is " + skew + " from the peer's clock " + Instants.format(now)
                    + ", more than the tolerance " + tolerance);
        }
    }

    /** Lazily built once per process; the contract API instantiates contracts per transaction. */
    private static final class SystemGuard {
        static final TxTimeGuard INSTANCE = fromEnvironment(System.getenv(), Clock.systemUTC());
    }
}
