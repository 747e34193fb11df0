package io.ledgernode.mirror;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way into the mirror for its readers (node-service, the reconciler, the reports): each read runs in its own
 * {@link MirrorView}, one snapshot, and comes back with that snapshot's height. The bridge, the only writer, does not
 * use it.
 */
public final class MirrorReader {

    private final DataSource dataSource;

    /** Over a pool of connections of the mirror's read-only role. */
    public MirrorReader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The pool, for other tables of the same database a reader owns (the reconciler's records). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Reads in one snapshot. */
    @FunctionalInterface
    public interface Reads<T> {
        T read(MirrorView view) throws SQLException;
    }

    /** A value read in one snapshot, and that snapshot's height (the next block the mirror expected). */
    public record Snapshot<T>(long height, T value) {
    }

    /** The mirror's height now. */
    public long height() throws SQLException {
        return read(view -> null).height();
    }

    /** Runs {@code reads} in one snapshot. */
    public <T> Snapshot<T> read(Reads<T> reads) throws SQLException {
        try (MirrorView view = MirrorView.open(dataSource)) {
            long height = view.height();
            return new Snapshot<>(height, reads.read(view));
        }
    }

    /**
     * Runs {@code reads} in one snapshot if the mirror holds every block below {@code minHeight} in it; empty, having
     * read nothing more, if it does not yet.
     */
    public <T> Optional<Snapshot<T>> readAtLeast(long minHeight, Reads<T> reads) throws SQLException {
        try (MirrorView view = MirrorView.open(dataSource)) {
            long height = view.height();
            return height < minHeight ? Optional.empty() : Optional.of(new Snapshot<>(height, reads.read(view)));
        }
    }
}
