package io.ledgernode.netconfig;

import io.ledgernode.netconfig.bundle.BundleWriter;
import io.ledgernode.netconfig.generate.NetworkGenerator;
import io.ledgernode.netconfig.lifecycle.ChaincodeLabel;
import io.ledgernode.netconfig.lifecycle.PeerOutput;
import io.ledgernode.netconfig.membership.ChannelMembership;
import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.NetworkDescriptions;
import io.ledgernode.netconfig.roster.LocalNode;
import io.ledgernode.netconfig.roster.Roster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Config;

/**
 * Command line of the generator, called by {@code scripts/ledger}. Every failure is one line on stderr and exit
 * status 2 (bad usage or description) or 1 (I/O).
 *
 * <pre>
 * generate          --network FILE --home DIR --fabric-home DIR [--port-offset N] --node-org ORG
 *                   --embedded-database true|false --pg-port N --bridge-port N --api-port N --grpc-port N
 *                   --reconciler-port N [--host HOST | --admin-org ORG]
 *                   with --host, the roster holds only that host's processes (a consortium across hosts); with
 *                   --admin-org, only that org's peers (an admin's home, which runs nothing)
 * hosts             --network FILE      prints each host of the network: address, the org whose node runs there
 *                   ({@code -} for none), and what runs there
 * bundle            --home STAGING --out DIR (--host HOST | --admin-org ORG) --chaincode-label LABEL
 *                   --chaincode-package-ids "ORG=ID ..."
 *                   writes the bundle of one host, or of one org's admin, from a network generated whole in STAGING
 * chaincode-package --home DIR --org NAME --label LABEL --out DIR
 * chaincode-label   --name CHAINCODE --jar FILE      prints the package label naming this build
 * peer-output       --query channel-height|committed-sequence|committed-summary|committed-definition|approved-package-id|installed-package-ids
 *                   reads a peer CLI command's standard output on stdin and prints what was asked (see PeerOutput)
 * check             --network FILE
 * channel-orgs      --block FILE        prints the member orgs of the channel whose config block FILE is, one a line
 * add-org           --block FILE --org NAME --definition FILE --original FILE --modified FILE
 *                   writes the channel's configuration (common.Config) as it is and with NAME added, defined by
 *                   FILE (configtxgen -printOrg, placed in an otherwise empty common.Config): compute_update's two inputs
 * update-envelope   --channel NAME --update FILE --out FILE
 *                   wraps a config update (compute_update's output) into the transaction admins sign and submit
 * </pre>
 * The node's ports ({@code --pg-port} ...) are given before the port offset, like the description's.
 */
public final class NetworkConfigTool {

    private static final Map<String, Set<String>> COMMANDS = Map.of(
            "generate", Set.of("network", "home", "fabric-home", "port-offset", "node-org", "embedded-database",
                    "pg-port", "bridge-port", "api-port", "grpc-port", "reconciler-port", "host", "admin-org"),
            "hosts", Set.of("network"),
            "bundle", Set.of("home", "out", "host", "admin-org", "chaincode-label", "chaincode-package-ids"),
            "chaincode-package", Set.of("home", "org", "label", "out"),
            "chaincode-label", Set.of("name", "jar"),
            "peer-output", Set.of("query"),
            "check", Set.of("network"),
            "channel-orgs", Set.of("block"),
            "add-org", Set.of("block", "org", "definition", "original", "modified"),
            "update-envelope", Set.of("channel", "update", "out"));

    /** The most a peer CLI answer read on stdin may hold; more is refused, not cut. */
    private static final int STDIN_BYTES_MAX = 16 * 1024 * 1024;

    private NetworkConfigTool() {
    }

    public static void main(String[] args) {
        try {
            run(List.of(args));
        } catch (UsageException | InvalidNetworkException | ChannelMembership.UnreadableConfigException
                 | ChannelMembership.AlreadyMemberException e) {
            System.err.println("network-config: " + e.getMessage());
            System.exit(2);
        } catch (UncheckedIOException | PeerOutput.UnreadableOutputException e) {
            System.err.println("network-config: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(List<String> args) {
        if (args.isEmpty() || !COMMANDS.containsKey(args.get(0))) {
            throw new UsageException("usage: network-config (" + String.join("|", COMMANDS.keySet()) + ") --option value ...");
        }
        String command = args.get(0);
        Map<String, String> options = options(command, args.subList(1, args.size()));
        switch (command) {
            case "generate" -> {
                int offset = portOffset(options.getOrDefault("port-offset", "0"));
                NetworkDescription network = NetworkDescriptions.read(Path.of(required(options, "network"))).withPortOffset(offset);
                LocalNode node = localNode(options).withPortOffset(offset);
                Roster roster;
                if (options.containsKey("host") && options.containsKey("admin-org")) {
                    throw new UsageException("generate: --host and --admin-org exclude each other");
                } else if (options.containsKey("host")) {
                    roster = Roster.ofHost(network, required(options, "host"), node);
                } else if (options.containsKey("admin-org")) {
                    roster = Roster.ofAdmin(network, required(options, "admin-org"));
                } else {
                    roster = Roster.of(network, node);
                }
                new NetworkGenerator(network, Path.of(required(options, "home"))).generate(Path.of(required(options, "fabric-home")), roster);
            }
            case "hosts" -> {
                NetworkDescription network = NetworkDescriptions.read(Path.of(required(options, "network")));
                for (String host : network.hosts()) {
                    System.out.println(host + "\t" + network.nodeOrgOn(host).map(MemberOrg::name).orElse("-"));
                }
            }
            case "bundle" -> {
                Path home = Path.of(required(options, "home"));
                BundleWriter writer = new BundleWriter(NetworkDescriptions.read(NetworkGenerator.resolvedDescription(home)), home,
                        BundleWriter.ChaincodeBuild.parse(required(options, "chaincode-label"), required(options, "chaincode-package-ids")));
                Path out = Path.of(required(options, "out"));
                if (options.containsKey("host") == options.containsKey("admin-org")) {
                    throw new UsageException("bundle: give one of --host HOST and --admin-org ORG");
                } else if (options.containsKey("host")) {
                    writer.writeHost(required(options, "host"), out);
                } else {
                    writer.writeAdmin(required(options, "admin-org"), out);
                }
            }
            case "chaincode-package" -> {
                Path home = Path.of(required(options, "home"));
                NetworkDescription network = NetworkDescriptions.read(NetworkGenerator.resolvedDescription(home));
                new NetworkGenerator(network, home).chaincodePackage(required(options, "org"), required(options, "label"),
                        Path.of(required(options, "out")));
            }
            case "chaincode-label" -> System.out.println(
                    ChaincodeLabel.of(required(options, "name"), Path.of(required(options, "jar"))));
            case "peer-output" -> PeerOutput.read(query(required(options, "query")), stdin()).forEach(System.out::println);
            case "check" -> NetworkDescriptions.read(Path.of(required(options, "network")));
            case "channel-orgs" -> ChannelMembership.memberOrgs(ChannelMembership.configOf(read(required(options, "block"))))
                    .forEach(System.out::println);
            case "add-org" -> {
                Config config = ChannelMembership.configOf(read(required(options, "block")));
                Config modified = ChannelMembership.withOrg(config, required(options, "org"),
                        ChannelMembership.orgDefinitionOf(read(required(options, "definition")), required(options, "org")));
                write(required(options, "original"), config.toByteArray());
                write(required(options, "modified"), modified.toByteArray());
            }
            case "update-envelope" -> write(required(options, "out"), ChannelMembership.updateEnvelope(
                    required(options, "channel"), ChannelMembership.updateOf(read(required(options, "update")))).toByteArray());
            default -> throw new UsageException("unknown command " + command);
        }
    }

    private static Map<String, String> options(String command, List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i);
            if (!key.startsWith("--") || !COMMANDS.get(command).contains(key.substring(2))) {
                throw new UsageException(command + ": unknown option " + key);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(command + ": " + key + " needs a value");
            }
            options.put(key.substring(2), args.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + key + " is required");
        }
        return value;
    }

    private static LocalNode localNode(Map<String, String> options) {
        String embedded = required(options, "embedded-database");
        if (!embedded.equals("true") && !embedded.equals("false")) {
            throw new UsageException("--embedded-database must be true or false, got '" + embedded + "'");
        }
        return new LocalNode(required(options, "node-org"), Boolean.parseBoolean(embedded), port(options, "pg-port"),
                port(options, "bridge-port"), port(options, "api-port"), port(options, "grpc-port"), port(options, "reconciler-port"));
    }

    private static int port(Map<String, String> options, String key) {
        String value = required(options, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static PeerOutput.Query query(String word) {
        try {
            return PeerOutput.Query.named(word);
        } catch (IllegalArgumentException e) {
            throw new UsageException("peer-output: " + e.getMessage());
        }
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(String file, byte[] bytes) {
        try {
            Files.write(Path.of(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String stdin() {
        try {
            byte[] bytes = System.in.readNBytes(STDIN_BYTES_MAX + 1);
            if (bytes.length > STDIN_BYTES_MAX) {
                throw new UsageException("peer-output: more than " + STDIN_BYTES_MAX + " bytes on stdin");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int portOffset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset < 0 || offset > 50_000) {
                throw new UsageException("--port-offset must be in [0, 50000], got " + value);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new UsageException("--port-offset must be a whole number, got '" + value + "'");
        }
    }

    /** The command line itself is wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
