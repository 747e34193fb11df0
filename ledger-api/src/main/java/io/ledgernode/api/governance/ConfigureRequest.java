package io.ledgernode.api.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code Governance:configure}: names the issuer org; the maxima are optional and default to
 * {@link LedgerConfig#BULK_OPEN_MAX_DEFAULT}, {@link LedgerConfig#BATCH_LEGS_MAX_DEFAULT} and
 * {@link LedgerConfig#PAGE_SIZE_MAX_DEFAULT}.
 */
public final class ConfigureRequest extends ConfigFields {
    private ConfigureRequest(final String issuerMsp, final Integer bulkOpenMax, final Integer batchLegsMax,
            final Integer pageSizeMax) {
        super(issuerMsp, bulkOpenMax == null ? LedgerConfig.BULK_OPEN_MAX_DEFAULT : bulkOpenMax,
                batchLegsMax == null ? LedgerConfig.BATCH_LEGS_MAX_DEFAULT : batchLegsMax,
                pageSizeMax == null ? LedgerConfig.PAGE_SIZE_MAX_DEFAULT : pageSizeMax);
    }

    /** A request; null maxima take their defaults. */
    @JsonCreator
    public static ConfigureRequest of(@JsonProperty("issuerMsp") final String issuerMsp,
            @JsonProperty("bulkOpenMax") final Integer bulkOpenMax,
            @JsonProperty("batchLegsMax") final Integer batchLegsMax,
            @JsonProperty("pageSizeMax") final Integer pageSizeMax) {
        return new ConfigureRequest(issuerMsp, bulkOpenMax, batchLegsMax, pageSizeMax);
    }

    /** A request with every maximum at its default. */
    public static ConfigureRequest of(final String issuerMsp) {
        return of(issuerMsp, null, null, null);
    }

    /** The configuration this request sets. */
    public LedgerConfig toConfig() {
        return LedgerConfig.of(issuerMsp(), bulkOpenMax(), batchLegsMax(), pageSizeMax());
    }
}
