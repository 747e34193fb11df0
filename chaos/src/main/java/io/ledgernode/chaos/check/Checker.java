package io.ledgernode.chaos.check;

import io.ledgernode.chaos.Pause;
import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Event;
import io.ledgernode.chaos.nemesis.Processes;
import io.ledgernode.gateway.ChainHeight;
import io.ledgernode.gateway.ChannelBlocks;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Checks a history against the network it ran on. Its inputs (see docs/chaos.md): the history file, the network's
 * home (its connection profile: every org's peer is asked separately, as that org), each org's mirror, and
 * optionally the commands that rebuild the mirror from block 0 and run a reconciliation (each passes when it exits
 * 0), and the supervisor's run directory (every process must be live again).
 */
public final class Checker {

    /** One org: its name in the connection profile and where its mirror is read. */
    public record Org(String name, Mirror mirror) {
    }

    /**
     * Where an org's mirror is read: directly, over JDBC as its read-only role; or through its node's REST API (an
     * org's node on a host of a consortium, whose database listens on that host's loopback only), as an auditor.
     */
    public sealed interface Mirror permits Mirror.Jdbc, Mirror.Api {
        /** {@code jdbcUrl} like {@code jdbc:postgresql://127.0.0.1:25432/ledger?user=ledger_reader}. */
        record Jdbc(String jdbcUrl) implements Mirror {
        }

        /** The node's REST base URL and an auditor's bearer token for it. */
        record Api(java.net.URI rest, String token) implements Mirror {
        }
    }

    /**
     * Everything the checker reads. {@code commands} maps a check's name to the shell command that decides it;
     * {@code processes} are the supervised processes that must all be live at the end (with
     * {@code processesMustBeLive}).
     */
    public record Inputs(Path history, Path home, List<Org> orgs, Map<String, String> commands, boolean processesMustBeLive,
            Processes processes) {
        public Inputs {
            orgs = List.copyOf(orgs);
            commands = new LinkedHashMap<>(commands);
        }
    }

    private static final String IDENTITY = "User1";

    private final Inputs inputs;
    private final Consumer<String> progress;

    public Checker(Inputs inputs, Consumer<String> progress) {
        this.inputs = inputs;
        this.progress = progress;
    }

    public Verdict check() throws Exception {
        Run run = Run.of(io.ledgernode.chaos.history.History.read(inputs.history()));
        List<Verdict.Check> checks = new ArrayList<>();
        NetworkProfile profile = NetworkProfile.ofHome(inputs.home());
        // One connection to each peer of each org, none failing over: every peer must answer for itself.
        List<LedgerConnection> connections = new ArrayList<>();
        List<String> peerNames = new ArrayList<>();
        try {
            for (Org org : inputs.orgs()) {
                for (NetworkProfile.Endpoint peer : profile.org(org.name()).gateways()) {
                    connections.add(LedgerConnection.openAt(profile, org.name(), peer, IDENTITY, GatewayTimeouts.defaults()));
                    peerNames.add(peer.tlsHostname());
                }
            }
            progress.accept("checking: waiting for every org's peer to reach the same height");
            checks.add(peersAtOneHeight(connections));
            long height = ChainHeight.read(connections.get(0)).height();
            progress.accept("checking: reading " + height + " blocks from " + peerNames.get(0));
            ChainScan scan = ChainScan.of(new ChannelBlocks(connections.get(0), Duration.ofSeconds(60)), height);
            checks.addAll(exactlyOnce(run, scan));
            checks.add(commitWindow(run, scan));
            checks.add(capturesOfAcknowledgedHolds(run));
            progress.accept("checking: balances on every peer and in every mirror");
            List<Balances> peers = new ArrayList<>();
            for (int i = 0; i < connections.size(); i++) {
                peers.add(Sources.fromPeer(peerNames.get(i), new LedgerClient(connections.get(i)),
                        run.setup().asset(), run.setup().custodians().keySet()));
            }
            checks.add(conservation(run.setup(), peers));
            checks.add(agreement("every account identical on every peer", peers.get(0), peers.subList(1, peers.size())));
            checks.add(mirrorsAgree(run.setup(), peers.get(0)));
        } finally {
            connections.forEach(LedgerConnection::close);
        }
        checks.add(recovered(run));
        for (Map.Entry<String, String> command : inputs.commands().entrySet()) {
            progress.accept("checking: " + command.getKey());
            checks.add(external(command.getKey(), command.getValue()));
        }
        return new Verdict(run.outcomes(), run.retries(), run.faultLines(), checks);
    }

    private static Verdict.Check peersAtOneHeight(List<LedgerConnection> connections) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<ChainHeight> heights;
        do {
            heights = connections.stream().map(ChainHeight::read).toList();
            if (heights.stream().map(h -> h.height() + "/" + Arrays.toString(h.currentBlockHash())).distinct().count() == 1) {
                return new Verdict.Check("peers hold the same chain", true,
                        "height " + heights.get(0).height() + ", same last block hash on " + heights.size() + " peers", null);
            }
            Pause.of(Duration.ofSeconds(1));
        } while (Instant.now().isBefore(deadline));
        return new Verdict.Check("peers hold the same chain", false, "heights differ after 90 s",
                heights.stream().map(ChainHeight::height).toList().toString());
    }

    /** Ok: applied exactly once, and the answered transaction is that one or a VALID replay that wrote nothing. */
    static List<Verdict.Check> exactlyOnce(Run run, ChainScan scan) {
        List<String> okViolations = new ArrayList<>();
        List<String> refusedViolations = new ArrayList<>();
        List<String> unresolvedViolations = new ArrayList<>();
        long ok = 0;
        long refused = 0;
        long unresolved = 0;
        long replays = 0;
        for (Event.Request request : run.requests().values()) {
            String chainKey = ChainScan.chainKey(request.mspId(), request.chainKey());
            List<String> writers = scan.writersByChainKey().getOrDefault(chainKey, List.of());
            Optional<Answer> last = run.lastAnswer(request.key());
            if (last.isPresent() && last.get() instanceof Answer.Ok answered) {
                ok++;
                if (writers.size() != 1) {
                    okViolations.add(request.key() + " answered ok (" + answered.txId() + ") but applied " + writers.size() + " times " + writers);
                } else if (!answered.txId().equals(writers.get(0))) {
                    boolean replay = scan.codes().get(answered.txId()) == TxValidationCode.VALID
                            && scan.chaincodeWrites().getOrDefault(answered.txId(), 0) == 0;
                    if (replay) {
                        replays++;
                    } else {
                        okViolations.add(request.key() + " answered ok with " + answered.txId() + " ("
                                + scan.codes().get(answered.txId()) + "), applied by " + writers.get(0));
                    }
                }
            } else if (last.isPresent() && last.get() instanceof Answer.Refused answered) {
                refused++;
                if (!writers.isEmpty()) {
                    refusedViolations.add(request.key() + " refused " + answered.code() + " but applied by " + writers);
                }
            } else {
                unresolved++;
                if (writers.size() > 1) {
                    unresolvedViolations.add(request.key() + " unresolved and applied " + writers.size() + " times " + writers);
                }
            }
        }
        // Every write the chain applied under a workload client's key is a request of the history, applied once.
        Set<String> clientScopes = new HashSet<>();
        Set<String> requested = new HashSet<>();
        run.requests().values().forEach(r -> {
            clientScopes.add(r.mspId() + "/" + r.chainKey().substring(0, r.chainKey().indexOf(':') + 1));
            requested.add(ChainScan.chainKey(r.mspId(), r.chainKey()));
        });
        List<String> strays = new ArrayList<>();
        new TreeMap<>(scan.writersByChainKey()).forEach((chainKey, writers) -> {
            boolean ours = clientScopes.stream().anyMatch(chainKey::startsWith);
            if (ours && (!requested.contains(chainKey) || writers.size() > 1)) {
                strays.add(chainKey + " applied by " + writers);
            }
        });
        return List.of(
                check("every ok applied exactly once", okViolations, ok + " ok requests, each applied by one VALID transaction"
                        + (replays > 0 ? " (" + replays + " answered with the id of their VALID replay)" : "")),
                check("every refusal applied nothing", refusedViolations, refused + " refused requests, none applied"),
                check("every unresolved applied at most once", unresolvedViolations, unresolved + " unresolved requests"),
                check("nothing applied that was not asked once", strays, scan.writersByChainKey().size()
                        + " idempotency records on the chain, none unasked or doubled"));
    }

    /**
     * The workload captures a hold only after its placement was answered ok, for no more than it holds, long before
     * it expires, and never voids it: a refused capture contradicts an acknowledged write (the chain "forgot" it, or
     * a peer that had not caught up answered for it).
     */
    static Verdict.Check capturesOfAcknowledgedHolds(Run run) {
        List<String> violations = new ArrayList<>();
        long captures = 0;
        for (Event.Request request : run.requests().values()) {
            if (request.op() instanceof io.ledgernode.chaos.history.Op.CaptureHold capture) {
                captures++;
                run.lastAnswer(request.key()).filter(Answer.Refused.class::isInstance).map(Answer.Refused.class::cast)
                        .ifPresent(refused -> violations.add(request.key() + " (hold " + capture.holdId()
                                + ", placed and answered ok) refused " + refused.code()));
            }
        }
        return check("no capture of an acknowledged hold refused", violations, captures + " captures");
    }

    /** The node killed after submitting: its transaction is on the chain and was applied under one request only. */
    private static Verdict.Check commitWindow(Run run, ChainScan scan) {
        List<Event.Fault> window = run.faults().stream().filter(f -> f.kind().equals("KILL_NODE_IN_COMMIT_WINDOW")).toList();
        long hit = window.stream().filter(f -> f.txId() != null).count();
        long onChain = window.stream().filter(f -> f.txId() != null && scan.codes().containsKey(f.txId())).count();
        List<String> missed = window.stream().filter(f -> f.txId() == null).map(f -> "fault " + f.n() + ": " + f.note()).toList();
        return new Verdict.Check("node killed between submit and commit", window.isEmpty() || hit > 0,
                window.size() + " aimed, " + hit + " killed awaiting a commit status, " + onChain
                        + " of those transactions on the chain (" + (hit - onChain) + " never ordered)",
                missed.isEmpty() ? null : missed.get(0));
    }

    static Verdict.Check conservation(Event.Setup setup, List<Balances> peers) {
        List<String> violations = new ArrayList<>();
        for (Balances peer : peers) {
            if (peer.supply() != setup.minted()) {
                violations.add(peer.source() + ": supply " + peer.supply() + " but minted " + setup.minted());
            }
            if (peer.total() != peer.supply()) {
                violations.add(peer.source() + ": balances + held " + peer.total() + " but supply " + peer.supply());
            }
        }
        return check("supply conserved on every peer", violations, "Σ balances + held = supply = minted "
                + setup.minted() + " on " + peers.size() + " peers");
    }

    static Verdict.Check agreement(String name, Balances reference, List<Balances> others) {
        List<String> violations = new ArrayList<>();
        for (Balances other : others) {
            reference.accounts().forEach((id, line) -> {
                Balances.Line theirs = other.accounts().get(id);
                if (!line.equals(theirs)) {
                    violations.add(id + ": " + reference.source() + " " + line + ", " + other.source() + " " + theirs);
                }
            });
            if (reference.supply() != other.supply()) {
                violations.add("supply: " + reference.source() + " " + reference.supply() + ", " + other.source() + " " + other.supply());
            }
        }
        return check(name, violations, reference.accounts().size() + " accounts and the supply compared with "
                + others.stream().map(Balances::source).toList());
    }

    /** Each mirror, once it has caught up (up to 90 s), equals the first peer account by account. */
    private Verdict.Check mirrorsAgree(Event.Setup setup, Balances peer) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<Balances> mirrors;
        Verdict.Check check;
        do {
            mirrors = new ArrayList<>();
            for (Org org : inputs.orgs()) {
                mirrors.add(switch (org.mirror()) {
                    case Mirror.Jdbc jdbc -> Sources.fromMirror(org.name(), jdbc.jdbcUrl(), setup.asset(), setup.custodians().keySet());
                    case Mirror.Api api -> Sources.fromApi(org.name(), api.rest(), api.token(), setup.asset(), setup.custodians().keySet());
                });
            }
            check = agreement("every mirror equals the chain", peer, mirrors);
            if (check.passed()) {
                return check;
            }
            Pause.of(Duration.ofSeconds(2));
        } while (Instant.now().isBefore(deadline));
        return check;
    }

    private Verdict.Check recovered(Run run) {
        List<String> violations = new ArrayList<>();
        run.faults().stream().filter(f -> f.kind().equals("NOT_RECOVERED")).forEach(f -> violations.add(f.note()));
        if (inputs.processesMustBeLive()) {
            Processes processes = inputs.processes();
            List<String> down = processes.notLive();
            if (!down.isEmpty()) {
                violations.add("not live at the end: " + down.stream().map(n -> processes.describe(n, Instant.now())).toList());
            }
        }
        return check("every process came back by itself", violations, "all live before each fault and at the end");
    }

    private static Verdict.Check external(String name, String command) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            String last = output.isEmpty() ? "(no output)" : output.substring(output.lastIndexOf('\n') + 1);
            return new Verdict.Check(name, exit == 0, "exit " + exit + ": " + last, exit == 0 ? null : last);
        } catch (IOException e) {
            return new Verdict.Check(name, false, "cannot run: " + e.getMessage(), command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict.Check(name, false, "interrupted", command);
        }
    }

    private static Verdict.Check check(String name, List<String> violations, String detail) {
        return new Verdict.Check(name, violations.isEmpty(),
                violations.isEmpty() ? detail : violations.size() + " violations; " + detail,
                violations.isEmpty() ? null : violations.get(0));
    }
}
