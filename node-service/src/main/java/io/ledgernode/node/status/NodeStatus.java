package io.ledgernode.node.status;

import java.util.List;
import java.util.Map;

/**
 * The node at one moment ({@code GET /v1/node/status}), for operators and auditors.
 *
 * @param chainHeight the channel's height at this org's peer (blocks 0 .. height-1), null when the peer did not answer
 *     ({@code chainError} says why)
 * @param mirrorHeight the mirror's last block + 1
 * @param lagBlocks chainHeight - mirrorHeight, null when the chain height is unknown
 * @param checks the readiness checks by name: "UP" or why not
 * @param processes the network's supervised processes on this host
 * @param recentErrors this process's last warnings and errors, oldest first, then the sync-bridge's recorded errors
 * @param reconciler the reconciler's schedule and its last run
 */
public record NodeStatus(String org, String mspId, String channel, Long chainHeight, String chainError, long mirrorHeight,
                         Long lagBlocks, Map<String, String> checks, List<Processes.Line> processes, List<ErrorLine> recentErrors,
                         Reconciler reconciler, String observedAt) {

    public NodeStatus {
        checks = Map.copyOf(checks);
        processes = List.copyOf(processes);
        recentErrors = List.copyOf(recentErrors);
    }

    /** A problem logged by {@code source} (node-service's logger name, or "sync-bridge"). */
    public record ErrorLine(String at, String source, String level, String message) {
    }

    /**
     * The nightly reconciliation: its cron (Quartz, seconds first) and time zone, the next run, and the last run (null
     * before the first). Schedule fields are null when the reconciler has not started yet.
     */
    public record Reconciler(String cron, String timeZone, String nextRunAt, LastRun lastRun) {
    }

    /** The reconciler's last run, as its runs table says. */
    public record LastRun(long id, String trigger, String status, String startedAt, String finishedAt, long breaksFound) {
    }
}
