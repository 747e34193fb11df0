package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document (src/main/resources/openapi.yaml) as tools read it: valid OpenAPI 3.1 by swagger-parser's
 * validation, every operation with typed request and response bodies and its error responses, and the error codes it
 * promises equal to {@link ApiErrorCode}. ApiRoutesTest holds the document's paths to the served routes.
 */
class OpenApiDocumentTest {

    private static SwaggerParseResult parse() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
            ParseOptions options = new ParseOptions();
            options.setResolve(false);
            return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options);
        }
    }

    @Test
    void the_document_passes_openapi_3_1_validation_without_a_message() throws IOException {
        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void the_error_body_s_code_enumerates_exactly_the_api_error_codes() throws IOException {
        OpenAPI document = parse().getOpenAPI();

        io.swagger.v3.oas.models.media.Schema<?> error = document.getComponents().getSchemas().get("Error");
        io.swagger.v3.oas.models.media.Schema<?> code = error.getProperties().get("code");
        java.util.List<String> codes = code.getEnum().stream().map(String::valueOf).toList();

        assertThat(codes).containsExactlyElementsOf(ApiErrorCode.values().stream().map(ApiErrorCode::name).toList());
    }

    @Test
    void every_operation_has_typed_bodies_and_every_api_operation_its_error_responses() throws IOException {
        OpenAPI document = parse().getOpenAPI();
        Map<String, ApiResponse> shared = document.getComponents().getResponses();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> {
                    var resolved = parameter.get$ref() == null ? parameter
                            : document.getComponents().getParameters().get(parameter.get$ref().replace("#/components/parameters/", ""));
                    assertThat(resolved.getSchema()).as(name + " " + resolved.getName()).isNotNull();
                });
            }
            if (operation.getRequestBody() != null) {
                assertThat(operation.getRequestBody().getContent().get("application/json").getSchema()).as(name).isNotNull();
            }
            operation.getResponses().forEach((status, response) -> {
                ApiResponse resolved = response.get$ref() == null ? response : shared.get(response.get$ref().replace("#/components/responses/", ""));
                assertThat(resolved).as(name + " " + status).isNotNull();
                assertThat(resolved.getContent()).as(name + " " + status).isNotEmpty();
                for (MediaType media : resolved.getContent().values()) {
                    assertThat(media.getSchema()).as(name + " " + status).isNotNull();
                }
            });
            assertThat(operation.getResponses().keySet()).as(name).anyMatch(status -> status.startsWith("2")).contains("500");
            if (path.startsWith("/v1/") && !path.startsWith("/v1/attestations")) {
                assertThat(operation.getResponses().keySet()).as(name).contains("401", "403", "429", "503");
            }
            if (operation.getRequestBody() != null) {
                assertThat(operation.getResponses().keySet()).as(name).contains("400", "413", "415");
            }
            assertThat(operation.getResponses()).as(name).doesNotContainKey("default");
        }));
    }

}
