package io.ledgernode.api.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The channel's configuration, set once by {@code Governance:configure}: the issuer org and the maxima of bulk opens,
 * batch legs and query pages.
 */
public final class LedgerConfig extends ConfigFields {
    public static final int BULK_OPEN_MAX_DEFAULT = 1000;
    public static final int BATCH_LEGS_MAX_DEFAULT = 100;
    public static final int PAGE_SIZE_MAX_DEFAULT = 100;
    /** Upper bounds of the configurable maxima, so no configuration can make a transaction unbounded. */
    public static final int BULK_OPEN_MAX_LIMIT = 10_000;
    public static final int BATCH_LEGS_MAX_LIMIT = 1_000;
    public static final int PAGE_SIZE_MAX_LIMIT = 1_000;

    private LedgerConfig(final String issuerMsp, final Integer bulkOpenMax, final Integer batchLegsMax,
            final Integer pageSizeMax) {
        super(issuerMsp, bulkOpenMax, batchLegsMax, pageSizeMax);
    }

    @JsonCreator
    public static LedgerConfig of(@JsonProperty("issuerMsp") final String issuerMsp,
            @JsonProperty("bulkOpenMax") final Integer bulkOpenMax,
            @JsonProperty("batchLegsMax") final Integer batchLegsMax,
            @JsonProperty("pageSizeMax") final Integer pageSizeMax) {
        return new LedgerConfig(issuerMsp, bulkOpenMax, batchLegsMax, pageSizeMax);
    }
}
