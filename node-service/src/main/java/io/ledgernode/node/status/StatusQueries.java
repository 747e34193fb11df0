package io.ledgernode.node.status;

import io.ledgernode.api.Instants;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.health.Readiness;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The node's status and the consortium, whatever the transport. */
public final class StatusQueries {

    /** The channel's height at this org's peer; throws when the peer does not answer. */
    @FunctionalInterface
    public interface ChainHeight {
        long height();
    }

    /** The sync-bridge's recorded errors shown beside this process's own. */
    static final int BRIDGE_ERRORS_MAX = 20;

    private final Consortium consortium;
    private final ChainHeight chain;
    private final Mirror mirror;
    private final Readiness readiness;
    private final Processes processes;
    private final RecentErrors errors;
    private final Clock clock;

    public StatusQueries(Consortium consortium, ChainHeight chain, Mirror mirror, Readiness readiness, Processes processes,
                         RecentErrors errors, Clock clock) {
        this.consortium = consortium;
        this.chain = chain;
        this.mirror = mirror;
        this.readiness = readiness;
        this.processes = processes;
        this.errors = errors;
        this.clock = clock;
    }

    /** The consortium: for every signed-in caller (it holds names, addresses and public certificates only). */
    public Consortium consortium(Caller caller) {
        return consortium;
    }

    public NodeStatus status(Caller caller) {
        Requests.requireRole(caller, Role.OPERATOR, Role.AUDITOR);
        Long chainHeight = null;
        String chainError = null;
        try {
            chainHeight = chain.height();
        } catch (RuntimeException e) {
            chainError = "this org's peer did not answer: " + e.getClass().getSimpleName();
        }
        // The schedule is read last: a refused read of Quartz's tables (a reconciler not migrated yet) ends the snapshot.
        Local local = mirror.read(view -> new Local(bridgeErrors(view), lastRun(new BreakReader(mirror.dataSource())),
                schedule(view))).value();
        long mirrorHeight = mirror.height();
        List<NodeStatus.ErrorLine> recent = new ArrayList<>();
        errors.lines().forEach(line -> recent.add(new NodeStatus.ErrorLine(Instants.format(line.at()), line.source(), line.level(),
                line.message())));
        recent.addAll(local.bridgeErrors());
        String mspId = consortium.members().stream().filter(member -> member.name().equals(consortium.org()))
                .map(Consortium.Member::mspId).findFirst().orElse(null);
        return new NodeStatus(consortium.org(), mspId, consortium.channel(), chainHeight, chainError, mirrorHeight,
                chainHeight == null ? null : chainHeight - mirrorHeight, readiness.check(), processes.lines(), recent,
                new NodeStatus.Reconciler(local.schedule().cron(), local.schedule().timeZone(), local.schedule().nextRunAt(),
                        local.lastRun().orElse(null)), Instants.format(clock.instant()));
    }

    private record Local(List<NodeStatus.ErrorLine> bridgeErrors, Optional<NodeStatus.LastRun> lastRun, NodeStatus.Reconciler schedule) {
    }

    private static List<NodeStatus.ErrorLine> bridgeErrors(io.ledgernode.mirror.MirrorView view) throws SQLException {
        List<NodeStatus.ErrorLine> lines = new ArrayList<>();
        view.eachRow("SELECT recorded_at, kind, message, block_number FROM bridge.errors ORDER BY id DESC LIMIT ?", rs -> {
            long block = rs.getLong(4);
            String where = rs.wasNull() ? "" : " (block " + block + ")";
            lines.add(new NodeStatus.ErrorLine(Instants.format(rs.getTimestamp(1).toInstant()), "sync-bridge", rs.getString(2),
                    cut(rs.getString(3) + where)));
        }, BRIDGE_ERRORS_MAX);
        java.util.Collections.reverse(lines);
        return lines;
    }

    /** The nightly trigger as Quartz keeps it (reconciler schema, readable by this node since reconciler V4). */
    private static NodeStatus.Reconciler schedule(io.ledgernode.mirror.MirrorView view) throws SQLException {
        NodeStatus.Reconciler[] found = {new NodeStatus.Reconciler(null, null, null, null)};
        try {
            view.eachRow("SELECT c.cron_expression, c.time_zone_id, t.next_fire_time FROM reconciler.qrtz_cron_triggers c "
                    + "JOIN reconciler.qrtz_triggers t USING (sched_name, trigger_name, trigger_group) "
                    + "WHERE c.trigger_name = 'nightly' AND c.trigger_group = 'ledger' LIMIT 1", rs -> {
                        long next = rs.getLong(3);
                        found[0] = new NodeStatus.Reconciler(rs.getString(1), rs.getString(2),
                                next > 0 ? Instants.format(Instant.ofEpochMilli(next)) : null, null);
                    });
        } catch (SQLException e) {
            // The reconciler has not migrated its schema yet (or this database was set up without it): unknown.
            return found[0];
        }
        return found[0];
    }

    private static Optional<NodeStatus.LastRun> lastRun(BreakReader runs) throws SQLException {
        List<RunView> last = runs.runs(1, null).runs();
        return last.stream().findFirst().map(run -> new NodeStatus.LastRun(run.id(), run.trigger().name(), run.status().name(),
                Instants.format(run.startedAt()), run.finishedAt() == null ? null : Instants.format(run.finishedAt()), run.breaksFound()));
    }

    private static String cut(String message) {
        return message.length() > RecentErrors.MESSAGE_LENGTH_MAX ? message.substring(0, RecentErrors.MESSAGE_LENGTH_MAX) : message;
    }
}
