package io.ledgernode.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one mapping of codes to gRPC statuses, and the README's table of codes held to both mappings. */
class GrpcErrorsTest {

    @Test
    void every_code_has_a_grpc_status_that_is_neither_ok_nor_unknown() {
        for (ApiErrorCode code : ApiErrorCode.values()) {
            assertThat(GrpcErrors.status(code).getCode()).as(code.name()).isNotIn(Status.Code.OK, Status.Code.UNKNOWN);
        }
    }

    @Test
    void a_refusal_carries_its_code_in_the_trailer_and_the_status_of_its_code() {
        GrpcErrors.Refusal refusal = GrpcErrors.refusal(new LedgerException(ErrorCode.INSUFFICIENT_FUNDS, "account alice has 5, needs 10"));
        GrpcErrors.Refusal invalidated = GrpcErrors.refusal(new ApiException(ApiErrorCode.Service.TRANSACTION_INVALIDATED, "retry"));

        assertThat(refusal.trailers().get(GrpcErrors.ERROR_CODE)).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refusal.status().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(invalidated.status().getCode()).isEqualTo(Status.Code.ABORTED);
        // A lost race is UNAVAILABLE, the status gRPC clients retry by themselves (issue 16 item 2b).
        assertThat(GrpcErrors.refusal(new ApiException(ApiErrorCode.Service.WRITE_CONFLICT, "retry")).status().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void the_readme_s_table_of_error_codes_lists_every_code_with_its_http_and_grpc_status() throws IOException {
        // The README is what client developers read; it must not drift from the two mappings.
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher row = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\| `([A-Z_]+)` \\|", Pattern.MULTILINE).matcher(readme);
        Map<String, String> documented = new TreeMap<>();
        while (row.find()) {
            documented.put(row.group(1), row.group(2) + " " + row.group(3));
        }

        Map<String, String> mapped = new TreeMap<>();
        ApiErrorCode.values().forEach(code -> mapped.put(code.name(), ApiErrors.status(code).code() + " " + GrpcErrors.status(code).getCode().name()));

        assertThat(documented).isEqualTo(mapped);
    }
}
