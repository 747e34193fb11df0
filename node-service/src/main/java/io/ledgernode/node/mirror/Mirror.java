package io.ledgernode.node.mirror;

import io.ledgernode.mirror.AccountWithHolds;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The mirror as the API reads it: the mirror module's one read API ({@link MirrorReader}, each read one snapshot
 * with its height), its failures turned into the API's {@code MIRROR_UNAVAILABLE}, and the wait for a block a caller
 * has already seen committed.
 */
public final class Mirror {

    private final MirrorReader reader;

    public Mirror(DataSource dataSource) {
        this.reader = new MirrorReader(dataSource);
    }

    /** The read-only pool, for other readers of the same database (the reconciler's records). */
    public DataSource dataSource() {
        return reader.dataSource();
    }

    /** Runs {@code reads} in one read-only REPEATABLE READ snapshot; 503 if the mirror cannot be reached. */
    public <T> MirrorReader.Snapshot<T> read(MirrorReader.Reads<T> reads) {
        try {
            return reader.read(reads);
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    /** An account with its open holds (at most {@code holdsMax}) in one statement; 503 if the mirror cannot be reached. */
    public MirrorReader.Snapshot<AccountWithHolds> accountWithHolds(String id, int holdsMax) {
        try {
            return reader.accountWithHolds(id, holdsMax);
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ApiErrorCode.Service.MIRROR_UNAVAILABLE, "the mirror database is not reachable; retry shortly");
    }

    /** The number of blocks the mirror holds (the next block it expects). */
    public long height() {
        return read(view -> null).height();
    }

    /** Waits up to {@code waitMax} until the mirror holds block {@code minBlock}; 503 if it does not. */
    public void awaitBlock(long minBlock, Duration waitMax) {
        Instant deadline = Instant.now().plus(waitMax);
        while (height() <= minBlock) {
            if (Instant.now().isAfter(deadline)) {
                throw new ApiException(ApiErrorCode.Service.MIRROR_BEHIND,
                        "the mirror has not reached block " + minBlock + " within " + waitMax + "; retry shortly");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
