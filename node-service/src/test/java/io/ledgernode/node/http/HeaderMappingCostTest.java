package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.mapper.MapperManager;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import org.junit.jupiter.api.Test;

/**
 * Helidon's webserver reads typed header values (a request's Content-Length, among others) through the process's
 * global mapper manager on every request. Helidon 4.4.0 built a new manager, with a scan of its service registry, on
 * each such read (helidon#11383): about a tenth of node-service's CPU per request in a profile of reads and transfers.
 */
class HeaderMappingCostTest {

    @Test
    @SuppressWarnings("removal") // to be removed for applications; Helidon's own header values still call it
    void every_typed_header_read_uses_one_mapper_manager_instead_of_building_one_per_request() {
        assertThat(MapperManager.global()).isSameAs(MapperManager.global());
    }

    @Test
    void a_typed_header_value_still_maps() {
        assertThat(HeaderValues.create(HeaderNames.CONTENT_LENGTH, "42").get(Long.class)).isEqualTo(42L);
    }
}
