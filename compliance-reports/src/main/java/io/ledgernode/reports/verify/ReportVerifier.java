package io.ledgernode.reports.verify;

import io.ledgernode.reports.publish.Manifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies a report directory offline against the org's CA certificate: first the manifest and its signature, then
 * every file against the manifest. It runs every file check even when the signature fails, so the output names every
 * altered, missing or unexpected file at once.
 */
public final class ReportVerifier {

    private final X509Certificate ca;

    public ReportVerifier(X509Certificate ca) {
        this.ca = ca;
    }

    /** Every check of the report in {@code directory}; {@link IOException} only if the directory cannot be listed. */
    public Verification verify(Path directory) throws IOException {
        List<Check> checks = new ArrayList<>();
        Set<String> present = listing(directory);
        byte[] manifestBytes = read(directory, Manifest.FILE, present, checks);
        Manifest manifest = manifestBytes == null ? null : parse(manifestBytes, checks);
        byte[] signature = read(directory, Manifest.SIGNATURE_FILE, present, checks);
        if (manifestBytes != null && signature != null) {
            checks.addAll(SignatureChecks.run(ca, manifestBytes, signature));
        }
        if (manifest != null) {
            checks.addAll(fileChecks(directory, manifest, present));
        }
        return new Verification(checks);
    }

    /**
     * The signature checks alone: {@code signature} is a detached CMS signature over {@code content} by exactly one
     * signer certified by the CA. The publisher runs it at start, so a wrong key fails before anything is written.
     */
    public List<Check> checkSignature(byte[] content, byte[] signature) {
        return SignatureChecks.run(ca, content, signature);
    }

    private static Set<String> listing(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    private static byte[] read(Path directory, String name, Set<String> present, List<Check> checks)
            throws IOException {
        Path file = directory.resolve(name);
        if (!present.contains(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            checks.add(Check.fail(name, "missing"));
            return null;
        }
        return Files.readAllBytes(file);
    }

    private static Manifest parse(byte[] bytes, List<Check> checks) {
        try {
            Manifest manifest = Manifest.parse(bytes);
            checks.add(Check.pass(Manifest.FILE, manifest.kind() + " report of " + manifest.jurisdiction() + " for "
                    + manifest.period() + " at block " + manifest.cutOffBlock() + " (" + manifest.cutOffBlockHash()
                    + "), " + manifest.files().size() + " files"));
            return manifest;
        } catch (IOException | RuntimeException e) {
            checks.add(Check.fail(Manifest.FILE, "not a manifest (altered?): " + e.getMessage()));
            return null;
        }
    }

    private static List<Check> fileChecks(Path directory, Manifest manifest, Set<String> present) throws IOException {
        List<Check> checks = new ArrayList<>();
        Set<String> listed = new TreeSet<>(Set.of(Manifest.FILE, Manifest.SIGNATURE_FILE));
        for (Manifest.FileDigest file : manifest.files()) {
            String subject = "file " + file.name();
            if (!listed.add(file.name()) || !safeName(directory, file.name())) {
                checks.add(Check.fail(subject, "listed twice or not a plain file name in the manifest"));
                continue;
            }
            Path path = directory.resolve(file.name());
            if (!present.contains(file.name()) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                checks.add(Check.fail(subject, "missing (listed in the manifest)"));
            } else if (!Manifest.sha256Hex(Files.readAllBytes(path)).equals(file.sha256())) {
                checks.add(Check.fail(subject, "altered (its SHA-256 differs from the manifest)"));
            } else {
                checks.add(Check.pass(subject, "SHA-256 " + file.sha256()));
            }
        }
        for (String name : present) {
            if (!listed.contains(name)) {
                checks.add(Check.fail("file " + name, "not in the manifest (added?)"));
            }
        }
        return checks;
    }

    /** A plain file name that is a path here too (a manifest may name "a\u0000b", which no file system allows). */
    private static boolean safeName(Path directory, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            return false;
        }
        try {
            directory.resolve(name);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
