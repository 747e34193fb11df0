package io.ledgernode.node.statement;

import java.math.BigDecimal;

/** Minor units as major units with the asset's decimals, exactly: 123456 with 2 decimals is "1234.56", -5 is "-0.05". */
final class Amounts {

    private Amounts() {
    }

    static String major(long minorUnits, int decimals) {
        return BigDecimal.valueOf(minorUnits, decimals).toPlainString();
    }
}
