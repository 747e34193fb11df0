package io.ledgernode.reports.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Decimal amounts are exact: computed from the integer minor units, never through a double. */
class AssetTest {

    @Test
    void minor_units_become_an_exact_decimal_string_with_the_assets_decimals() {
        Asset usd = new Asset("USD", 2);

        assertThat(usd.decimal(400_000)).isEqualTo("4000.00");
        assertThat(usd.decimal(5)).isEqualTo("0.05");
        assertThat(new Asset("JPY", 0).decimal(1234)).isEqualTo("1234");
    }

    @Test
    void amounts_beyond_a_doubles_precision_stay_exact() {
        // 2^53 + 1 minor units: a double would round it.
        assertThat(new Asset("USD", 2).decimal(9_007_199_254_740_993L)).isEqualTo("90071992547409.93");
        assertThat(new Asset("USD", 2).decimal(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN)))
                .isEqualTo("922337203685477580.70");
    }
}
