package io.ledgernode.chaos.nemesis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cuts a host off the network and heals it again, by the shell commands the run is given ({@code {host}} in each
 * replaced by the host's address): on this machine the hosts are network namespaces, and cutting one off takes its
 * link to the bridge down (scripts/lib/netns.sh), its processes left running.
 */
public record Partitions(String cutCommand, String healCommand) {

    public Partitions {
        if (!cutCommand.contains("{host}") || !healCommand.contains("{host}")) {
            throw new IllegalArgumentException("the cut and heal commands must each name {host}");
        }
    }

    /** Cuts {@code host} off; empty when done, else what went wrong. */
    public Optional<String> cut(String host) {
        return run(cutCommand, host);
    }

    /** Gives {@code host} its network back; empty when done, else what went wrong. */
    public Optional<String> heal(String host) {
        return run(healCommand, host);
    }

    private static Optional<String> run(String command, String host) {
        if (!host.matches("[A-Za-z0-9.:-]{1,253}")) {
            return Optional.of("not a host address: " + host);
        }
        try {
            Process process = new ProcessBuilder("bash", "-c", command.replace("{host}", host)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            return exit == 0 ? Optional.empty() : Optional.of("exit " + exit + ": " + output);
        } catch (IOException e) {
            return Optional.of("cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
