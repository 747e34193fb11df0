package io.ledgernode.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    @Test
    void every_transaction_name_is_either_an_update_or_a_query() throws IllegalAccessException {
        final Set<String> names = new HashSet<>();
        for (final Field field : Transactions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                final String value = (String) field.get(null);
                if (value.contains(":")) {
                    names.add(value);
                }
            }
        }
        final Set<String> classified = new HashSet<>(Transactions.UPDATES);
        classified.addAll(Transactions.QUERIES);
        assertThat(classified).isEqualTo(names).hasSize(29);
        assertThat(Transactions.function(Transactions.MONEY_TRANSFER)).isEqualTo("transfer");
    }

    @Test
    void the_error_codes_are_the_documented_closed_set() {
        assertThat(ErrorCode.values()).extracting(Enum::name).containsExactly("INVALID_ARGUMENT", "INVALID_AMOUNT",
                "AMOUNT_OVERFLOW", "NOT_CONFIGURED", "ALREADY_CONFIGURED", "FORBIDDEN", "ASSET_EXISTS", "UNKNOWN_ASSET",
                "ACCOUNT_EXISTS", "UNKNOWN_ACCOUNT", "ACCOUNT_FROZEN", "ASSET_MISMATCH", "SAME_ACCOUNT",
                "INSUFFICIENT_FUNDS", "LIMIT_EXCEEDED", "IDEMPOTENCY_CONFLICT", "REPLAYED", "BATCH_TOO_LARGE", "HOLD_EXISTS",
                "UNKNOWN_HOLD", "HOLD_NOT_OPEN", "HOLD_EXPIRED", "HOLD_NOT_EXPIRED", "TX_TIME_OUT_OF_TOLERANCE");
    }
}
