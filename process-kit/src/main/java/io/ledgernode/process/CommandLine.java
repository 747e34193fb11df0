package io.ledgernode.process;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A process's command line: {@code [--config FILE] [--set key=value]...}, and any further options the process names
 * (each taking one value). Parsed once at the edge; a mistake is an {@link IllegalArgumentException} with a one-line
 * message, which a main prints before exiting with its usage status.
 *
 * @param configFile the operator's configuration file, if {@code --config} was given (the last one wins)
 * @param overrides  the {@code --set} pairs in order (a key set twice keeps its last value)
 * @param options    the values of the process's own options, by option name (e.g. {@code --database})
 */
public record CommandLine(Optional<Path> configFile, Map<String, String> overrides, Map<String, String> options) {

    public CommandLine {
        Objects.requireNonNull(configFile, "configFile");
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** {@code args} from index {@code from} on, with no options of the process's own. */
    public static CommandLine parse(String[] args, int from, String usage) {
        return parse(args, from, Set.of(), usage);
    }

    /**
     * {@code args} from index {@code from} on (a mode word before it is the caller's). {@code usage} (e.g.
     * {@code "usage: reconciler run|schedule [--config FILE] [--set key=value]..."}) ends the message of an unknown
     * argument.
     */
    public static CommandLine parse(String[] args, int from, Set<String> ownOptions, String usage) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(ownOptions, "ownOptions");
        Objects.requireNonNull(usage, "usage");
        Optional<Path> file = Optional.empty();
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--config")) {
                file = Optional.of(Path.of(value(args, ++i, option)));
            } else if (option.equals("--set")) {
                String pair = value(args, ++i, option);
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--set takes key=value, got " + pair);
                }
                overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (ownOptions.contains(option)) {
                options.put(option, value(args, ++i, option));
            } else {
                throw new IllegalArgumentException("unknown argument " + option + " (" + usage + ")");
            }
        }
        return new CommandLine(file, overrides, options);
    }

    /** The value of the process's own {@code option}, or {@code fallback} when it was not given. */
    public String option(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
