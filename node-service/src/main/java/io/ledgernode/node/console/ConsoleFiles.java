package io.ledgernode.node.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The console's built files, read once from the classpath ({@code console/}, listed by the build in
 * {@code console/files.txt}) into memory. A request is answered only with a file of that list, looked up by its exact
 * name: no path is ever resolved against a directory, so no request can reach another file.
 */
public final class ConsoleFiles {

    /** One file: its bytes, media type and a strong ETag (the SHA-256 of its bytes). */
    public record File(byte[] bytes, String mediaType, String etag) {
    }

    /** The console is a few files of a few hundred KiB; more is a broken build. */
    static final long BYTES_MAX = 16L * 1024 * 1024;

    private final Map<String, File> files;

    private ConsoleFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    /** The files under {@code console/} on the classpath; none when the console was not built into this classpath. */
    public static ConsoleFiles fromClasspath() {
        ClassLoader loader = ConsoleFiles.class.getClassLoader();
        Map<String, File> files = new HashMap<>();
        byte[] list = read(loader, "console/files.txt").orElse(new byte[0]);
        long total = 0;
        for (String name : new String(list, StandardCharsets.UTF_8).split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            byte[] bytes = read(loader, "console/" + name).orElseThrow(() ->
                    new IllegalStateException("console/files.txt names " + name + ", which the build did not package"));
            total += bytes.length;
            if (total > BYTES_MAX) {
                throw new IllegalStateException("the console's files exceed " + BYTES_MAX + " bytes");
            }
            files.put(name, new File(bytes, mediaType(name), "\"" + sha256(bytes) + "\""));
        }
        return new ConsoleFiles(files);
    }

    /** No files: a node whose console is turned off (every console path is then a 404). */
    public static ConsoleFiles none() {
        return new ConsoleFiles(Map.of());
    }

    public Optional<File> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    static String mediaType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "json" -> "application/json";
            case "woff2" -> "font/woff2";
            default -> "text/plain; charset=utf-8";
        };
    }

    private static Optional<byte[]> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readNBytes((int) BYTES_MAX + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
