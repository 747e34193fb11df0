package io.ledgernode.node.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.node.notification.NotificationDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts kept by writers running at once, read in id order by a reader that never looks back (a webhook's cursor). */
class AlertStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00.000Z");

    private DataSource admin;
    private AlertStore store;

    @BeforeEach
    void fresh() throws SQLException {
        EmbeddedMirror.Database db = EmbeddedMirror.shared().fresh();
        admin = db.admin();
        NotificationDatabase.migrate(admin);
        store = new AlertStore(admin);
    }

    @Test
    void an_alert_whose_id_came_first_but_whose_writer_commits_last_is_not_skipped_by_a_reader_past_a_later_one() throws Exception {
        // Holds the insert of an alert on account "slow" for a second, after its id is taken (defaults are filled in
        // before BEFORE triggers run): the scan's transaction, say, slowed by the machine while a refused attempt
        // raises its own alert.
        try (Connection connection = admin.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE FUNCTION notifications.slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.account_id = 'slow' THEN PERFORM pg_sleep(1); END IF; RETURN NEW; END $$");
            ddl.execute("CREATE TRIGGER slow_insert BEFORE INSERT ON notifications.alerts FOR EACH ROW "
                    + "EXECUTE FUNCTION notifications.slow_insert()");
        }
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
            try {
                store.raise(refused("slow"), T0);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSleepingInsert();

        store.raise(refused("fast"), T0);
        List<Alert> seen = new ArrayList<>(store.after(0, Optional.empty(), Optional.empty(), 100));
        long cursor = seen.stream().mapToLong(Alert::id).max().orElse(0);
        slow.get();
        seen.addAll(store.after(cursor, Optional.empty(), Optional.empty(), 100));

        assertThat(seen).extracting(Alert::accountId).containsExactly("slow", "fast");
    }

    /** Waits until a session sleeps in the trigger, so the slow alert has its id before the fast one is raised. */
    private void awaitSleepingInsert() throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            try (Connection connection = admin.getConnection(); Statement select = connection.createStatement();
                 ResultSet rs = select.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the slow insert never reached its trigger");
    }

    private static AlertStore.Raised refused(String account) {
        return new AlertStore.Raised(AlertKind.FROZEN_ACCOUNT_RECEIVING, account, "DE", "EUR", 100, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), EntryKind.CREDIT, T0, "a transfer to a frozen account, refused");
    }
}
