package io.ledgernode.reconciler.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.listing.HoldSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenHoldsTest {

    @Test
    void the_digest_is_the_chaincodes_sha256_of_id_colon_amount_lines_in_byte_order_of_the_ids() {
        // sha256("h-1:30\nh-10:40\n"), as the chaincode's listing test computes it.
        HoldSummary summary = OpenHolds.summary(List.of(new OpenHolds.OpenHold("h-10", 40), new OpenHolds.OpenHold("h-1", 30)));

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.sum()).isEqualTo(Amount.of(70));
        assertThat(summary.digest()).isEqualTo("7e51a1e99dd25f40b576a3f03e6d34d6835c8dd56e7bb57478bf8b75c185ecb9");
    }

    @Test
    void no_open_holds_is_the_sha256_of_nothing() {
        assertThat(OpenHolds.NONE.digest()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(OpenHolds.NONE.count()).isZero();
    }

    @Test
    void a_sum_beyond_64_bits_saturates_while_the_digest_still_tells_the_amounts_apart() {
        HoldSummary huge = OpenHolds.summary(List.of(new OpenHolds.OpenHold("a", Long.MAX_VALUE), new OpenHolds.OpenHold("b", 2)));
        HoldSummary other = OpenHolds.summary(List.of(new OpenHolds.OpenHold("a", Long.MAX_VALUE), new OpenHolds.OpenHold("b", 3)));

        assertThat(huge.sum()).isEqualTo(Amount.of(Long.MAX_VALUE));
        assertThat(huge).isNotEqualTo(other);
    }

    @Test
    void a_digest_that_is_not_64_lowercase_hex_digits_is_refused() {
        assertThatThrownBy(() -> HoldSummary.of(0, Amount.ZERO, "ABC")).isInstanceOf(LedgerException.class)
                .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
