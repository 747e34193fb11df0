package io.ledgernode.reconciler.mirror;

import io.ledgernode.api.listing.KeyOrder;
import io.ledgernode.mirror.MirrorTables;
import io.ledgernode.mirror.MirrorView;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Every account of the mirror in the chain's id order ({@code COLLATE "C"}, byte order), streamed through a server
 * cursor in one snapshot taken when it opens: the reconciliation walks it beside the chain's pages to find accounts
 * the mirror has and the chain does not. Memory stays bounded (one fetch of rows at a time) whatever the number of
 * accounts; on a database whose collation is not byte order, PostgreSQL sorts once, spilling to disk as needed.
 * Holds one connection and one transaction open until closed.
 */
public final class MirrorAccountIds implements AutoCloseable {

    private static final int FETCH_SIZE = 1_000;

    private final MirrorView view;
    private final PreparedStatement select;
    private final ResultSet rows;
    private final long checkpoint;
    private MirrorAccount next;
    private String previous;

    /** One account of the stream: its id and the block that opened it. */
    public record MirrorAccount(String id, long openedBlock) {
    }

    private MirrorAccountIds(MirrorView view, PreparedStatement select, ResultSet rows, long checkpoint) throws SQLException {
        this.view = view;
        this.select = select;
        this.rows = rows;
        this.checkpoint = checkpoint;
        advance();
    }

    /** Opens the stream; its snapshot holds every block below {@link #checkpoint()}. */
    public static MirrorAccountIds open(DataSource dataSource) throws SQLException {
        MirrorView view = MirrorView.open(dataSource);
        try {
            long checkpoint = view.height();
            PreparedStatement select = view.prepare("SELECT id, opened_block FROM " + MirrorTables.ACCOUNTS + " ORDER BY id COLLATE \"C\"");
            select.setFetchSize(FETCH_SIZE);
            return new MirrorAccountIds(view, select, select.executeQuery(), checkpoint);
        } catch (SQLException | RuntimeException e) {
            view.close();
            throw e;
        }
    }

    /** The next block the mirror expected when the stream's snapshot was taken. */
    public long checkpoint() {
        return checkpoint;
    }

    /** The next account without taking it, or null at the end. */
    public MirrorAccount peek() {
        return next;
    }

    /** Takes the next account (null at the end). */
    public MirrorAccount take() throws SQLException {
        MirrorAccount taken = next;
        if (taken != null) {
            advance();
        }
        return taken;
    }

    private void advance() throws SQLException {
        if (!rows.next()) {
            next = null;
            return;
        }
        next = new MirrorAccount(rows.getString(1), rows.getLong(2));
        // The comparison relies on this order; a database that breaks it must stop the run, not skew it.
        if (previous != null && KeyOrder.IDS.compare(previous, next.id()) >= 0) {
            throw new SQLException("the mirror's accounts did not stream in byte order: " + previous + " before " + next.id());
        }
        previous = next.id();
    }

    @Override
    public void close() throws SQLException {
        try (view) {
            rows.close();
            select.close();
        }
    }
}
