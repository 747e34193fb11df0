package io.ledgernode.netconfig.model;

import java.time.Duration;

/**
 * How the ledger chaincode is deployed: its name, the org whose clients may issue money, and the limits it
 * enforces. These go on the ledger with {@code Governance:configure}, so every endorser enforces the same ones.
 */
public record ChaincodeSettings(
        String name,
        String issuerOrg,
        Duration txClockTolerance,
        int bulkOpenMax,
        int batchLegsMax,
        int pageSizeMax) {

    public ChaincodeSettings {
        Names.requireName("chaincode.name", name);
        Names.requireName("chaincode.issuerOrg", issuerOrg);
        Names.require(txClockTolerance != null && !txClockTolerance.isNegative() && !txClockTolerance.isZero()
                && txClockTolerance.compareTo(Duration.ofHours(1)) <= 0, "chaincode.txClockTolerance must be in (0, PT1H]");
        Names.require(bulkOpenMax >= 1 && bulkOpenMax <= 10_000, "chaincode.bulkOpenMax must be in [1, 10000]");
        Names.require(batchLegsMax >= 1 && batchLegsMax <= 1_000, "chaincode.batchLegsMax must be in [1, 1000]");
        Names.require(pageSizeMax >= 1 && pageSizeMax <= 1_000, "chaincode.pageSizeMax must be in [1, 1000]");
    }
}
