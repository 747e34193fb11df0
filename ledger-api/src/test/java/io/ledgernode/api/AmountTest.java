package io.ledgernode.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.money.MintRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {

    @Test
    void parses_canonical_decimal_text_exactly() {
        assertThat(Amount.parse("12500").minorUnits()).isEqualTo(12500L);
        assertThat(Amount.parse("9223372036854775807").minorUnits()).isEqualTo(Long.MAX_VALUE);
        assertThat(Amount.parse("0")).isEqualTo(Amount.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "01", "1.0", "12.5", "1e3", " 1", "1 ", "9223372036854775808",
        "99999999999999999999", "0x10", "١٢"})
    void rejects_anything_but_a_canonical_64_bit_integer_as_INVALID_AMOUNT(final String text) {
        assertThatThrownBy(() -> Amount.parse(text))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void a_request_amount_of_zero_is_INVALID_AMOUNT() {
        assertThatThrownBy(() -> LedgerJson.read("{\"idempotencyKey\":\"k\",\"account\":\"a\",\"amount\":\"0\"}",
                MintRequest.class))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void addition_beyond_64_bits_is_AMOUNT_OVERFLOW_not_a_wrap_around() {
        final Amount max = Amount.of(Long.MAX_VALUE);
        assertThatThrownBy(() -> max.plus(Amount.of(1)))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AMOUNT_OVERFLOW));
        assertThat(max.minus(Amount.of(1)).plus(Amount.of(1))).isEqualTo(max);
    }

    @Test
    void subtracting_more_than_there_is_is_a_programming_error() {
        assertThatThrownBy(() -> Amount.of(1).minus(Amount.of(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writes_as_a_json_string() {
        assertThat(LedgerJson.writeString(Amount.of(42))).isEqualTo("\"42\"");
    }
}
