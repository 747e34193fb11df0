package io.ledgernode.node.report;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /v1/reports[?kind=]} and {@code GET /v1/reports/{jurisdiction}/{kind}/{name}/{file}}: the file bytes as
 * published and signed, so a regulator can verify them offline (manifest.json and manifest.json.p7s included).
 */
public final class ReportsService extends DomainService<ReportQueries> {

    public ReportsService(Requests requests, ReportQueries reports) {
        super(requests, reports);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).get("/{jurisdiction}/{kind}/{name}/{file}", this::file);
    }

    private void list(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, domain.list(caller, Requests.query(request, "kind")));
    }

    private void file(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        var path = request.path().pathParameters();
        Path file = domain.file(caller, path.get("jurisdiction"), path.get("kind"), path.get("name"), path.get("file"));
        response.header(HeaderNames.CONTENT_TYPE, contentType(file.getFileName().toString()));
        response.send(Files.readAllBytes(file));
    }

    private static String contentType(String name) {
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }
}
