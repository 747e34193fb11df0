package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    @Test
    void made_up_methods_on_unmatched_paths_share_one_route_label() {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            labels.add(RequestMetrics.route(String.format("M%05dX", i), Optional.empty()));
        }
        labels.add(RequestMetrics.route("X".repeat(3000), Optional.empty()));

        assertThat(labels).containsExactly("unmatched");
    }

    @Test
    void a_matched_route_is_labelled_by_its_method_and_template_never_by_a_made_up_method() {
        assertThat(RequestMetrics.route("GET", Optional.of("/v1/accounts/{id}"))).isEqualTo("GET /v1/accounts/{id}");
        assertThat(RequestMetrics.route("FOO", Optional.of("/v1/accounts/{id}"))).isEqualTo("OTHER /v1/accounts/{id}");
    }
}
