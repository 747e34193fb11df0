package io.ledgernode.netconfig.bundle;

import io.ledgernode.netconfig.generate.GeneratedFiles;
import io.ledgernode.netconfig.generate.NetworkGenerator;
import io.ledgernode.netconfig.generate.NetworkLayout;
import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.OrdererNode;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.PeerNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies, out of a network generated whole on one machine (its crypto material and genesis block: the staging home),
 * what one host or one org admin needs, into a bundle of its own. A bundle is a home for {@code scripts/ledger}: its
 * {@code bundle.env} says which host or admin it is, its {@code description.yaml} is the network, and every other
 * file (process environments, profile, roster) is derived from those on the host where it runs, so nothing in a
 * bundle names a path of the machine that generated it.
 *
 * <p>Private keys: a host's bundle holds the keys of the orderers, peers and chaincode server that run there, and,
 * on the host that runs an org's node, that org's client identities (the node submits as them). An admin's bundle
 * holds the org admin's identity. Everything else copied is a public certificate.
 */
public final class BundleWriter {

    /** The file of a bundle that says what it is; {@code scripts/lib/config.sh} reads it. */
    public static final String BUNDLE_ENV = "bundle.env";

    /**
     * The chaincode build every bundle deploys: its package label (which names the jar's digest) and each member
     * org's package id (an org's package names its own chaincode server, so the ids differ by org).
     */
    public record ChaincodeBuild(String label, Map<String, String> packageIds) {

        public ChaincodeBuild {
            packageIds = Map.copyOf(packageIds);
        }

        /** Parses {@code "Org1=ID1 Org2=ID2"}, the form scripts/ledger passes. */
        public static ChaincodeBuild parse(String label, String ids) {
            Map<String, String> packageIds = new java.util.HashMap<>();
            for (String pair : ids.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new InvalidNetworkException("chaincode package ids: expected ORG=ID, got '" + pair + "'");
                }
                packageIds.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return new ChaincodeBuild(label, packageIds);
        }

        String packageId(MemberOrg org) {
            String id = packageIds.get(org.name());
            if (id == null) {
                throw new InvalidNetworkException("no chaincode package id for org " + org.name());
            }
            return id;
        }

        /** Where a host bundle keeps the chaincode jar its servers run, relative to the bundle. */
        String jar() {
            return "chaincode/" + label + "/ledger-chaincode.jar";
        }
    }

    private final NetworkDescription network;
    private final NetworkLayout staging;
    private final ChaincodeBuild chaincode;

    public BundleWriter(NetworkDescription network, Path stagingHome, ChaincodeBuild chaincode) {
        this.network = network;
        this.staging = new NetworkLayout(stagingHome);
        this.chaincode = chaincode;
    }

    /** Writes the bundle of {@code host} into {@code out} (created; it must not exist yet). */
    public void writeHost(String host, Path out) {
        if (!network.hosts().contains(host)) {
            throw new InvalidNetworkException("no process of the network runs on host " + host + " (hosts: " + network.hosts() + ")");
        }
        NetworkLayout bundle = start(out);
        List<String> kinds = new ArrayList<>();
        for (OrdererOrg org : network.ordererOrgs()) {
            for (OrdererNode node : org.orderers()) {
                if (node.host().equals(host)) {
                    copyTree(staging.ordererDir(org, node), bundle.ordererDir(org, node));
                    kinds.add("orderer " + node.fqdn(org));
                }
            }
        }
        if (kinds.stream().anyMatch(k -> k.startsWith("orderer"))) {
            // The genesis block: each orderer joins the channel with it.
            copyFile(staging.networkDir().resolve(network.channel() + ".block"), bundle.networkDir().resolve(network.channel() + ".block"));
        }
        for (MemberOrg org : network.orgs()) {
            for (PeerNode peer : org.peers()) {
                if (peer.host().equals(host)) {
                    copyTree(staging.peerDir(org, peer), bundle.peerDir(org, peer));
                    kinds.add("peer " + peer.fqdn(org));
                }
            }
            if (org.chaincodeServer().host().equals(host)) {
                copyTree(staging.chaincodeServerDir(org), bundle.chaincodeServerDir(org));
                // What the server runs: its org's package id and the jar (scripts/ledger generate copies the jar).
                GeneratedFiles.write(out.resolve("chaincode").resolve(org.chaincodeServer().fqdn(org) + ".chaincode"),
                        chaincode.packageId(org) + " " + chaincode.jar() + "\n");
                kinds.add("chaincode server " + org.chaincodeServer().fqdn(org));
            }
        }
        String nodeOrg = network.orgs().get(0).name();
        var orgOfNode = network.nodeOrgOn(host);
        if (orgOfNode.isPresent()) {
            MemberOrg org = orgOfNode.get();
            nodeOrg = org.name();
            // The node's clients (sync-bridge, node-service, reconciler) connect to the org's peers: their TLS roots.
            for (PeerNode peer : org.peers()) {
                copyPeerTlsRoot(org, peer, bundle);
            }
            copyTree(staging.memberOrgDir(org).resolve("users"), bundle.memberOrgDir(org).resolve("users"));
            kinds.add("node of " + org.name());
        }
        writeDescription(bundle);
        GeneratedFiles.write(out.resolve(BUNDLE_ENV), header("Host " + host + " of consortium " + network.name() + ": " + String.join(", ", kinds))
                + ": \"${LEDGER_HOST_ADDRESS:=" + host + "}\"\n"
                + ": \"${LEDGER_NODE_ORG:=" + nodeOrg + "}\"\n"
                + ": \"${LEDGER_NETWORK:=$LEDGER_HOME/description.yaml}\"\n");
        writeScript(out.resolve("start.sh"), startScript(host, kinds));
    }

    /** Writes the bundle of {@code orgName}'s admin into {@code out} (created; it must not exist yet). */
    public void writeAdmin(String orgName, Path out) {
        MemberOrg org = network.org(orgName);
        NetworkLayout bundle = start(out);
        copyTree(staging.userDir(org, "Admin"), bundle.userDir(org, "Admin"));
        // The org's own peers (joined and installed on by the admin), one peer of every org (the endorsers of the
        // chaincode definition's commit and of configure), and the orderers (approve and commit go through them).
        for (PeerNode peer : org.peers()) {
            copyPeerTlsRoot(org, peer, bundle);
        }
        for (MemberOrg other : network.orgs()) {
            copyPeerTlsRoot(other, other.gatewayPeer(), bundle);
        }
        for (OrdererOrg ordererOrg : network.ordererOrgs()) {
            for (OrdererNode node : ordererOrg.orderers()) {
                copyFile(staging.ordererDir(ordererOrg, node).resolve("tls").resolve("ca.crt"),
                        bundle.ordererDir(ordererOrg, node).resolve("tls").resolve("ca.crt"));
            }
        }
        // The genesis block: a peer joins the channel with it.
        copyFile(staging.networkDir().resolve(network.channel() + ".block"), bundle.networkDir().resolve(network.channel() + ".block"));
        writeDescription(bundle);
        // The org's chaincode package (scripts/ledger generate copies it beside), its label and id.
        GeneratedFiles.write(out.resolve("chaincode").resolve("package.env"), "# The chaincode package " + org.name() + " installs and approves, written by scripts/ledger generate.\n"
                + "LEDGER_BUNDLE_CHAINCODE_LABEL='" + chaincode.label() + "'\n"
                + "LEDGER_BUNDLE_CHAINCODE_PACKAGE_ID='" + chaincode.packageId(org) + "'\n"
                + "LEDGER_BUNDLE_CHAINCODE_PACKAGE=\"$LEDGER_HOME\"/'chaincode/" + chaincode.label() + ".tgz'\n");
        GeneratedFiles.write(out.resolve(BUNDLE_ENV), header("Admin of " + org.name() + " in consortium " + network.name())
                + ": \"${LEDGER_ADMIN_ORG:=" + org.name() + "}\"\n"
                + ": \"${LEDGER_NODE_ORG:=" + org.name() + "}\"\n"
                + ": \"${LEDGER_NETWORK:=$LEDGER_HOME/description.yaml}\"\n");
    }

    private NetworkLayout start(Path out) {
        if (Files.exists(out)) {
            throw new InvalidNetworkException(out + " already exists: write bundles into a new directory");
        }
        return new NetworkLayout(out);
    }

    private void writeDescription(NetworkLayout bundle) {
        copyFile(NetworkGenerator.resolvedDescription(staging.home()), bundle.home().resolve("description.yaml"));
    }

    private void copyPeerTlsRoot(MemberOrg org, PeerNode peer, NetworkLayout bundle) {
        Path target = bundle.peerDir(org, peer).resolve("tls").resolve("ca.crt");
        if (!Files.exists(target)) {
            copyFile(staging.peerDir(org, peer).resolve("tls").resolve("ca.crt"), target);
        }
    }

    private static String header(String what) {
        return "# " + what + ".\n# Written by scripts/ledger generate; scripts/ledger reads it when LEDGER_HOME is this bundle."
                + " The environment wins over each line.\n";
    }

    private String startScript(String host, List<String> kinds) {
        return """
                #!/usr/bin/env bash
                # Starts host %s of consortium %s: %s.
                # Written by scripts/ledger generate. Copy this directory to the host, install Fabric there
                # (scripts/ledger install-fabric), and run this script with LEDGER_CLI naming scripts/ledger of a
                # ledger-node checkout. It brings up what is missing and returns once every process here is live; run
                # it again at any time (after a reboot, say). Processes are supervised: scripts/ledger status and down
                # work with LEDGER_HOME set to this directory.
                set -Eeuo pipefail
                here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
                cli=${LEDGER_CLI:-$(command -v ledger || true)}
                [[ -n $cli && -x $cli ]] || { printf 'start.sh: set LEDGER_CLI to scripts/ledger of a ledger-node checkout\\n' >&2; exit 2; }
                LEDGER_HOME=$here exec "$cli" up
                """.formatted(host, network.name(), String.join(", ", kinds));
    }

    private static void writeScript(Path file, String content) {
        GeneratedFiles.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            throw new InvalidNetworkException("missing " + from + " in the generated network (run cryptogen first)");
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    copyFile(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path from, Path to) {
        if (!Files.isRegularFile(from)) {
            throw new InvalidNetworkException("missing " + from + " in the generated network");
        }
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
