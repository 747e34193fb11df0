package io.ledgernode.netconfig.roster;

import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.OrdererNode;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.PeerNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every long-running process of one node, in start order: the orderers, the peers, the chaincode servers, then for
 * this node's org and each other member org (in that order) its PostgreSQL (unless the node's mirror is external),
 * its sync-bridge and its node-service, and last the reconciler. The node's own processes listen on loopback.
 */
public final class Roster {

    /** Where the node's own processes (PostgreSQL, bridges, node-services, reconciler) listen. */
    static final String LOOPBACK = "127.0.0.1";

    private final List<RosterProcess> processes;

    private Roster(List<RosterProcess> processes) {
        this(processes, true);
    }

    /** {@code runsHere}: the processes run on this machine, so no two may share a port. */
    private Roster(List<RosterProcess> processes, boolean runsHere) {
        this.processes = List.copyOf(processes);
        Set<Integer> ports = new HashSet<>();
        for (RosterProcess process : runsHere ? processes : List.<RosterProcess>of()) {
            for (int port : process.ports()) {
                if (!ports.add(port)) {
                    throw new InvalidNetworkException("port " + port + " of " + process.name() + " is taken by another process of the node");
                }
            }
        }
    }

    /** The roster of {@code network} as run by {@code node}; the ports of both as given (offset already applied). */
    public static Roster of(NetworkDescription network, LocalNode node) {
        MemberOrg own = network.org(node.org());
        List<MemberOrg> orgs = new ArrayList<>(List.of(own));
        network.orgs().stream().filter(o -> !o.name().equals(own.name())).forEach(orgs::add);
        List<RosterProcess> all = fabricProcesses(network, host -> true);
        all.addAll(nodeProcesses(node, orgs, LOOPBACK, processNames(all, ProcessKind.PEER)));
        return new Roster(all);
    }

    /**
     * The roster of one host of a consortium spread over several: the orderers, peers and chaincode servers whose
     * address is {@code host}, and the node of the org that runs it there (if one does), acting for that org only,
     * its node-service listening on {@code host} (the other orgs' nodes ask it for attestations) and everything else
     * of the node on loopback. A process waits only for processes of its own host: the others start elsewhere.
     */
    public static Roster ofHost(NetworkDescription network, String host, LocalNode node) {
        List<RosterProcess> all = fabricProcesses(network, host::equalsIgnoreCase);
        Optional<MemberOrg> nodeOrg = network.nodeOrgOn(host);
        if (nodeOrg.isPresent()) {
            if (!nodeOrg.get().name().equalsIgnoreCase(node.org())) {
                throw new InvalidNetworkException("host " + host + " runs the node of " + nodeOrg.get().name() + ", not of " + node.org());
            }
            all.addAll(nodeProcesses(node, List.of(nodeOrg.get()), host, network.org(node.org()).peers().stream()
                    .map(p -> p.fqdn(nodeOrg.get())).toList()));
        }
        if (all.isEmpty()) {
            throw new InvalidNetworkException("no process of the network runs on host " + host + " (hosts: " + network.hosts() + ")");
        }
        Set<String> here = all.stream().map(RosterProcess::name).collect(Collectors.toSet());
        return new Roster(all.stream().map(p -> new RosterProcess(p.name(), p.kind(), p.org(), p.ports(), p.liveness(),
                p.readiness(), p.after().stream().filter(here::contains).toList())).toList());
    }

    /**
     * The roster of a member org's admin: the org's peers, which its admin joins to the channel and installs the
     * chaincode on. An admin's home runs none of them (they may be on several hosts, on the same ports); it only
     * reads where they are.
     */
    public static Roster ofAdmin(NetworkDescription network, String org) {
        MemberOrg admin = network.org(org);
        return new Roster(fabricProcesses(network, host -> true).stream()
                .filter(p -> p.kind() == ProcessKind.PEER && p.org().equals(admin.name())).toList(), false);
    }

    /** The orderers, then the peers, then the chaincode servers on the hosts {@code onHost} accepts. */
    private static List<RosterProcess> fabricProcesses(NetworkDescription network, java.util.function.Predicate<String> onHost) {
        List<RosterProcess> all = new ArrayList<>();
        List<String> orderers = new ArrayList<>();
        for (OrdererOrg org : network.ordererOrgs()) {
            for (OrdererNode node0 : org.orderers()) {
                String name = node0.fqdn(org);
                orderers.add(name);
                if (onHost.test(node0.host())) {
                    all.add(new RosterProcess(name, ProcessKind.ORDERER, org.name(),
                            List.of(node0.port(), node0.adminPort(), node0.operationsPort()),
                            Probe.http(node0.host(), node0.operationsPort(), "/healthz"), Optional.empty(), List.of()));
                }
            }
        }
        for (MemberOrg org : network.orgs()) {
            for (PeerNode peer : org.peers()) {
                if (onHost.test(peer.host())) {
                    all.add(new RosterProcess(peer.fqdn(org), ProcessKind.PEER, org.name(),
                            List.of(peer.port(), peer.chaincodePort(), peer.operationsPort()),
                            Probe.http(peer.host(), peer.operationsPort(), "/healthz"), Optional.empty(), orderers));
                }
            }
        }
        for (MemberOrg org : network.orgs()) {
            if (onHost.test(org.chaincodeServer().host())) {
                all.add(new RosterProcess(org.chaincodeServer().fqdn(org), ProcessKind.CHAINCODE, org.name(),
                        List.of(org.chaincodeServer().port()),
                        Probe.tcp(org.chaincodeServer().host(), org.chaincodeServer().port()), Optional.empty(), List.of()));
            }
        }
        return all;
    }

    private static List<String> processNames(List<RosterProcess> processes, ProcessKind kind) {
        return processes.stream().filter(p -> p.kind() == kind).map(RosterProcess::name).toList();
    }

    /** Each member org's node, this node's org first (index 0: the configured ports; the next orgs the next ports). */
    private static List<RosterProcess> nodeProcesses(LocalNode node, List<MemberOrg> orgs, String apiHost, List<String> peers) {
        List<RosterProcess> databases = new ArrayList<>();
        List<RosterProcess> bridges = new ArrayList<>();
        List<RosterProcess> services = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            String org = orgs.get(i).name();
            String suffix = i == 0 ? "" : "." + org;
            boolean embedded = i > 0 || node.embeddedDatabase();
            List<String> bridgeAfter = new ArrayList<>();
            if (embedded) {
                int pgPort = port("PostgreSQL of " + org, node.pgPort() + i);
                databases.add(new RosterProcess("postgres" + suffix, ProcessKind.POSTGRES, org, List.of(pgPort),
                        Probe.pg(LOOPBACK, pgPort), Optional.empty(), List.of()));
                bridgeAfter.add("postgres" + suffix);
            }
            bridgeAfter.addAll(peers);
            int bridgePort = port("sync-bridge of " + org, node.bridgePort() + i);
            bridges.add(new RosterProcess("sync-bridge" + suffix, ProcessKind.SYNC_BRIDGE, org, List.of(bridgePort),
                    Probe.http(LOOPBACK, bridgePort, "/health/live"), Optional.of(Probe.http(LOOPBACK, bridgePort, "/health/ready")),
                    bridgeAfter));
            int apiPort = port("node-service of " + org, node.apiPort() + i);
            int grpcPort = port("node-service gRPC of " + org, node.grpcPort() + i);
            services.add(new RosterProcess("node-service" + suffix, ProcessKind.NODE_SERVICE, org, List.of(apiPort, grpcPort),
                    Probe.http(apiHost, apiPort, "/health/live"), Optional.of(Probe.http(apiHost, apiPort, "/health/ready")),
                    List.of("sync-bridge" + suffix)));
        }
        List<String> reconcilerAfter = new ArrayList<>(bridges.get(0).after());
        reconcilerAfter.add(bridges.get(0).name());
        RosterProcess reconciler = new RosterProcess("reconciler", ProcessKind.RECONCILER, orgs.get(0).name(),
                List.of(node.reconcilerPort()), Probe.http(LOOPBACK, node.reconcilerPort(), "/health/live"), Optional.empty(),
                reconcilerAfter);
        List<RosterProcess> all = new ArrayList<>(databases);
        all.addAll(bridges);
        all.addAll(services);
        all.add(reconciler);
        return all;
    }

    private static int port(String what, int port) {
        LocalNode.requirePort(what + " port", port);
        return port;
    }

    public List<RosterProcess> processes() {
        return processes;
    }

    /**
     * The roster as the operator scripts read it: a comment line naming the columns, then one line per process,
     * columns separated by a tab: name, kind, org, ports, liveness probe, readiness probe, after. Lists within a
     * column are separated by a space; an empty column is {@code -} (bash's {@code read} folds runs of tabs).
     */
    public String toTsv() {
        StringBuilder out = new StringBuilder("# name\tkind\torg\tports\tliveness\treadiness\tafter\n");
        for (RosterProcess p : processes) {
            out.append(String.join("\t", p.name(), p.kind().wireName(), p.org(),
                    p.ports().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    p.liveness().words(), p.readiness().map(Probe::words).orElse("-"),
                    p.after().isEmpty() ? "-" : String.join(" ", p.after()))).append('\n');
        }
        return out.toString();
    }
}
