package io.ledgernode.netconfig;

import io.ledgernode.netconfig.generate.NetworkGenerator;
import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.NetworkDescriptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the generator, called by {@code scripts/ledger}. Every failure is one line on stderr and exit
 * status 2 (bad usage or description) or 1 (I/O).
 *
 * <pre>
 * generate          --network FILE --home DIR --fabric-home DIR [--port-offset N]
 * chaincode-package --home DIR --org NAME --label LABEL --out DIR
 * check             --network FILE
 * </pre>
 */
public final class NetworkConfigTool {

    private static final Map<String, Set<String>> COMMANDS = Map.of(
            "generate", Set.of("network", "home", "fabric-home", "port-offset"),
            "chaincode-package", Set.of("home", "org", "label", "out"),
            "check", Set.of("network"));

    private NetworkConfigTool() {
    }

    public static void main(String[] args) {
        try {
            run(List.of(args));
        } catch (UsageException | InvalidNetworkException e) {
            System.err.println("network-config: " + e.getMessage());
            System.exit(2);
        } catch (UncheckedIOException e) {
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
                NetworkDescription network = NetworkDescriptions.read(Path.of(required(options, "network")))
                        .withPortOffset(portOffset(options.getOrDefault("port-offset", "0")));
                new NetworkGenerator(network, Path.of(required(options, "home"))).generate(Path.of(required(options, "fabric-home")));
            }
            case "chaincode-package" -> {
                Path home = Path.of(required(options, "home"));
                NetworkDescription network = NetworkDescriptions.read(NetworkGenerator.resolvedDescription(home));
                new NetworkGenerator(network, home).chaincodePackage(required(options, "org"), required(options, "label"),
                        Path.of(required(options, "out")));
            }
            case "check" -> NetworkDescriptions.read(Path.of(required(options, "network")));
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
