package io.ledgernode.node.report;

import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportCatalog;
import io.ledgernode.reports.ReportKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The signed reports the reconciler published, read from the reports directory: an auditor sees every
 * jurisdiction's, a regulator only its own (any other is "not found", exactly like one that does not exist).
 */
public final class ReportQueries {

    private final ReportCatalog catalog;

    public ReportQueries(ReportCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reports visible to the caller, optionally of one kind, each with its files. */
    public Map<String, Object> list(Caller caller, Optional<String> kindText) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR);
        Optional<ReportKind> kind = kindText.map(ReportQueries::kind);
        try {
            List<Map<String, Object>> reports = new java.util.ArrayList<>();
            for (PublishedReport report : catalog.list(visibleJurisdiction(caller), kind)) {
                reports.add(describe(report));
            }
            return Map.of("reports", reports);
        } catch (IOException e) {
            throw new ApiException(ApiErrorCode.Service.REPORTS_UNAVAILABLE, "the reports cannot be read; retry shortly");
        }
    }

    /** One file of one report, as a path the caller may read. */
    public Path file(Caller caller, String jurisdiction, String kindText, String name, String fileName) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR);
        if (visibleJurisdiction(caller).map(own -> !own.equals(jurisdiction)).orElse(false)) {
            throw ApiException.notFound("report " + ApiErrors.quoted(name));
        }
        try {
            PublishedReport report = catalog.find(jurisdiction, kind(kindText), name)
                    .orElseThrow(() -> ApiException.notFound("report " + ApiErrors.quoted(name)));
            return catalog.resolveFile(report, fileName).orElseThrow(() -> ApiException.notFound("file " + ApiErrors.quoted(fileName)));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("report " + ApiErrors.quoted(name));
        } catch (IOException e) {
            throw new ApiException(ApiErrorCode.Service.REPORTS_UNAVAILABLE, "the reports cannot be read; retry shortly");
        }
    }

    /** An auditor's view is unrestricted; a regulator's is its jurisdiction. */
    private static Optional<String> visibleJurisdiction(Caller caller) {
        return caller.has(Role.AUDITOR) ? Optional.empty() : caller.jurisdiction();
    }

    private Map<String, Object> describe(PublishedReport report) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("jurisdiction", report.jurisdiction());
        row.put("kind", report.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        row.put("period", report.period());
        row.put("cutOffBlock", report.cutOffBlock());
        row.put("name", report.name());
        row.put("files", catalog.files(report));
        return row;
    }

    private static ReportKind kind(String text) {
        try {
            return ReportKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind must be one of daily-transactions, large-value, balances, reconciliation");
        }
    }
}
