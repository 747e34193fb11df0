package io.ledgernode.api.governance;

import io.ledgernode.api.Require;

/**
 * The fields of a configuration, checked here once, shared by the request that sets it ({@link ConfigureRequest},
 * its maxima defaulted) and the configuration set ({@link LedgerConfig}): the issuer org and the maxima of bulk
 * opens, batch legs and query pages, each within its upper bound.
 */
public abstract class ConfigFields {
    private final String issuerMsp;
    private final int bulkOpenMax;
    private final int batchLegsMax;
    private final int pageSizeMax;

    ConfigFields(final String issuerMsp, final Integer bulkOpenMax, final Integer batchLegsMax,
            final Integer pageSizeMax) {
        this.issuerMsp = Require.mspId("issuerMsp", issuerMsp);
        this.bulkOpenMax = Require.within("bulkOpenMax", bulkOpenMax, 1, LedgerConfig.BULK_OPEN_MAX_LIMIT);
        this.batchLegsMax = Require.within("batchLegsMax", batchLegsMax, 1, LedgerConfig.BATCH_LEGS_MAX_LIMIT);
        this.pageSizeMax = Require.within("pageSizeMax", pageSizeMax, 1, LedgerConfig.PAGE_SIZE_MAX_LIMIT);
    }

    public String issuerMsp() {
        return issuerMsp;
    }

    public int bulkOpenMax() {
        return bulkOpenMax;
    }

    public int batchLegsMax() {
        return batchLegsMax;
    }

    public int pageSizeMax() {
        return pageSizeMax;
    }
}
