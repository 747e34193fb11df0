package io.ledgernode.api.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldDigestTest {

    @Test
    void the_digest_is_sha256_of_id_colon_amount_lines_in_byte_order_of_the_ids() {
        List<String> ids = new ArrayList<>(List.of("h-10", "h-1"));
        ids.sort(KeyOrder.IDS);
        assertThat(ids).containsExactly("h-1", "h-10");

        // sha256("h-1:30\nh-10:40\n"), the value the chaincode's listing test and the reconciler's test also pin.
        assertThat(new HoldDigest().add("h-1", 30).add("h-10", 40).hex())
                .isEqualTo("7e51a1e99dd25f40b576a3f03e6d34d6835c8dd56e7bb57478bf8b75c185ecb9");
    }

    @Test
    void no_open_holds_is_the_sha256_of_nothing() {
        assertThat(new HoldDigest().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
