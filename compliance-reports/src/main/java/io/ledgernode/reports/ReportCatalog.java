package io.ledgernode.reports;

import io.ledgernode.reports.publish.Manifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The published reports under a reports root, for node-service to serve: regulators their own jurisdiction's,
 * auditors all. Only complete reports are ever listed (hidden partial directories never are), and files are
 * resolved from validated names only, never from a caller's path, so nothing outside a report can be reached.
 */
public final class ReportCatalog {

    /** A report's file names: plain, lower-case, no separators, not hidden. */
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Comparator<PublishedReport> ORDER = Comparator.comparing(PublishedReport::jurisdiction)
            .thenComparing(PublishedReport::kind).thenComparing(PublishedReport.CHAIN_ORDER);

    private final Path reportsRoot;

    public ReportCatalog(Path reportsRoot) {
        this.reportsRoot = reportsRoot.toAbsolutePath().normalize();
    }

    /**
     * The published reports, by jurisdiction, kind and chain order; {@code jurisdiction} and {@code kind} filter
     * when present.
     */
    public List<PublishedReport> list(Optional<String> jurisdiction, Optional<ReportKind> kind) throws IOException {
        List<PublishedReport> reports = new ArrayList<>();
        for (String j : children(reportsRoot)) {
            if (!PublishedReport.isJurisdiction(j) || jurisdiction.isPresent() && !jurisdiction.get().equals(j)) {
                continue;
            }
            for (ReportKind k : ReportKind.values()) {
                if (kind.isEmpty() || kind.get() == k) {
                    reports.addAll(reportsOf(j, k));
                }
            }
        }
        reports.sort(ORDER);
        return List.copyOf(reports);
    }

    /** The report of this jurisdiction, kind and directory name ({@code <period>-b<block>}), if published. */
    public Optional<PublishedReport> find(String jurisdiction, ReportKind kind, String name) throws IOException {
        if (!PublishedReport.isJurisdiction(jurisdiction)) {
            return Optional.empty();
        }
        Optional<PublishedReport> report = PublishedReport.parse(reportsRoot, jurisdiction, kind, name);
        return report.isPresent() && isReport(report.get().directory()) ? report : Optional.empty();
    }

    /** The names of a report's files (data files, manifest, signature). */
    public List<String> files(PublishedReport report) throws IOException {
        return children(report.directory()).stream().filter(name -> FILE_NAME.matcher(name).matches()).toList();
    }

    /**
     * A file of a report, if {@code fileName} is a plain name of a regular file in it (not a link, not a directory);
     * empty for anything else, such as {@code ../x} or an absolute path.
     */
    public Optional<Path> resolveFile(PublishedReport report, String fileName) throws IOException {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Path directory = report.directory().toAbsolutePath().normalize();
        if (!directory.startsWith(reportsRoot) || !isReport(directory)) {
            return Optional.empty();
        }
        Path file = directory.resolve(fileName).normalize();
        if (!file.getParent().equals(directory) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        // The root itself may sit behind a link; what matters is that the file is really inside it.
        if (!file.toRealPath().startsWith(reportsRoot.toRealPath())) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** The latest report of this kind and jurisdiction before {@code report} in chain order, if any. */
    public Optional<PublishedReport> previous(PublishedReport report) throws IOException {
        return reportsOf(report.jurisdiction(), report.kind()).stream()
                .filter(other -> PublishedReport.CHAIN_ORDER.compare(other, report) < 0)
                .max(PublishedReport.CHAIN_ORDER);
    }

    private List<PublishedReport> reportsOf(String jurisdiction, ReportKind kind) throws IOException {
        List<PublishedReport> reports = new ArrayList<>();
        for (String name : children(reportsRoot.resolve(jurisdiction).resolve(kind.directoryName()))) {
            PublishedReport.parse(reportsRoot, jurisdiction, kind, name)
                    .filter(report -> isReport(report.directory())).ifPresent(reports::add);
        }
        return reports;
    }

    /** A published report: a real directory (not a link) holding its signature, which is written last. */
    private static boolean isReport(Path directory) {
        return Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(directory.resolve(Manifest.SIGNATURE_FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** Names in a directory, sorted; hidden ones (partial reports) left out; none if it does not exist. */
    private static List<String> children(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
