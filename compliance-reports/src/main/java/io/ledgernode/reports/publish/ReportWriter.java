package io.ledgernode.reports.publish;

import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportException.Reason;
import io.ledgernode.reports.sign.ManifestSigner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Writes one report directory atomically. One publisher per reports root at a time: a second one running the same
 * report concurrently would find its partial directory removed and fail, never publish a mix.
 */
public final class ReportWriter {

    /** Prefix of the hidden directories reports are assembled in. */
    public static final String PARTIAL_PREFIX = ".partial-";

    /** Called once the data files and the manifest are written, before the signature: tests crash here. */
    @FunctionalInterface
    public interface BeforeSignature {
        BeforeSignature NONE = partialDirectory -> { };

        void run(Path partialDirectory) throws IOException;
    }

    /** Whether the report was written now or found already published with the same content. */
    public enum Outcome {
        PUBLISHED,
        ALREADY_PUBLISHED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ManifestSigner signer;
    private final BeforeSignature beforeSignature;

    public ReportWriter(ManifestSigner signer, BeforeSignature beforeSignature) {
        this.signer = signer;
        this.beforeSignature = beforeSignature;
    }

    /** Publishes {@code dataFiles} and {@code manifest} (with its signature) as directory {@code target}. */
    public Outcome publish(Path target, SortedMap<String, byte[]> dataFiles, byte[] manifest) throws ReportException {
        try {
            if (Files.exists(target)) {
                requireSame(target, dataFiles, manifest);
                return Outcome.ALREADY_PUBLISHED;
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            removePartials(parent, target.getFileName().toString());
            Path partial = parent.resolve(PARTIAL_PREFIX + target.getFileName() + "-" + nonce());
            try {
                assemble(partial, dataFiles, manifest);
                return moveIntoPlace(partial, target, dataFiles, manifest);
            } catch (IOException | ReportException | RuntimeException e) {
                removeQuietly(partial, e);
                throw e;
            }
        } catch (IOException e) {
            throw new ReportException(Reason.IO, "publishing " + target + " failed: " + e.getMessage(), e);
        }
    }

    private void assemble(Path partial, SortedMap<String, byte[]> dataFiles, byte[] manifest)
            throws IOException, ReportException {
        Files.createDirectory(partial);
        for (Map.Entry<String, byte[]> file : dataFiles.entrySet()) {
            write(partial.resolve(file.getKey()), file.getValue());
        }
        write(partial.resolve(Manifest.FILE), manifest);
        beforeSignature.run(partial);
        byte[] signature;
        try {
            signature = signer.sign(manifest);
        } catch (GeneralSecurityException e) {
            throw new ReportException(Reason.SIGNING, e.getMessage(), e);
        }
        // Last: a directory holding a signature holds everything the signature covers.
        write(partial.resolve(Manifest.SIGNATURE_FILE), signature);
        force(partial);
    }

    private static Outcome moveIntoPlace(Path partial, Path target, SortedMap<String, byte[]> dataFiles,
            byte[] manifest) throws IOException, ReportException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Published by someone else in the meantime: fine if it is the same report.
            deleteTree(partial);
            requireSame(target, dataFiles, manifest);
            return Outcome.ALREADY_PUBLISHED;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the reports root must be one file system: " + e.getMessage(), e);
        }
        force(target.getParent());
        return Outcome.PUBLISHED;
    }

    /** The published report must be this one, byte for byte, or the run fails: a published report never changes. */
    private static void requireSame(Path target, SortedMap<String, byte[]> dataFiles, byte[] manifest)
            throws IOException, ReportException {
        Path existingManifest = target.resolve(Manifest.FILE);
        if (!Files.isRegularFile(existingManifest) || !Arrays.equals(Files.readAllBytes(existingManifest), manifest)) {
            throw conflict(target, Manifest.FILE);
        }
        for (Map.Entry<String, byte[]> file : dataFiles.entrySet()) {
            Path existing = target.resolve(file.getKey());
            if (!Files.isRegularFile(existing) || !Arrays.equals(Files.readAllBytes(existing), file.getValue())) {
                throw conflict(target, file.getKey());
            }
        }
        if (!Files.isRegularFile(target.resolve(Manifest.SIGNATURE_FILE))) {
            throw conflict(target, Manifest.SIGNATURE_FILE);
        }
    }

    private static ReportException conflict(Path target, String file) {
        return new ReportException(Reason.CONFLICT, target + " is already published and its " + file
                + " differs from the report made now from the same block: the mirror or the configuration changed");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes a directory's entries durable before it is renamed, and a rename durable after. */
    private static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Partial directories of this report left by a run that crashed. */
    private static void removePartials(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(parent, PARTIAL_PREFIX + name + "-*")) {
            for (Path partial : partials) {
                deleteTree(partial);
            }
        }
    }

    /** Best effort after a failure: whatever is left stays hidden, and the next run of this report removes it. */
    private static void removeQuietly(Path partial, Exception failure) {
        try {
            deleteTree(partial);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String nonce() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
