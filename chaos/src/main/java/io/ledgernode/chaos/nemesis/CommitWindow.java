package io.ledgernode.chaos.nemesis;

import io.ledgernode.chaos.Pause;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the moment a node-service has handed a transaction to the orderer and waits for its commit status: the
 * gateway client logs {@code submitted tx=<id> ...; awaiting its commit status} at that moment (ledger-gateway's
 * {@code LedgerClient}). Follows the node's log from its current end and returns the first such transaction id.
 */
final class CommitWindow {

    private static final Pattern SUBMITTED = Pattern.compile("submitted tx=([A-Za-z0-9]+)");

    private CommitWindow() {
    }

    /** The id of the first transaction the log says was submitted after this call, within {@code wait}. */
    static Optional<String> awaitSubmission(Path log, Duration wait) throws IOException {
        Instant deadline = Instant.now().plus(wait);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            StringBuilder pending = new StringBuilder();
            byte[] buffer = new byte[64 * 1024];
            while (Instant.now().isBefore(deadline)) {
                if (file.length() < position) {
                    position = 0; // the log was replaced
                }
                file.seek(position);
                int read = file.read(buffer);
                if (read > 0) {
                    position += read;
                    pending.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    Matcher matcher = SUBMITTED.matcher(pending);
                    if (matcher.find()) {
                        return Optional.of(matcher.group(1));
                    }
                    int lastLine = pending.lastIndexOf("\n");
                    if (lastLine >= 0) {
                        pending.delete(0, lastLine + 1);
                    }
                } else {
                    Pause.of(Duration.ofMillis(1));
                }
            }
        }
        return Optional.empty();
    }
}
