package io.ledgernode.chaincode.listing;

import io.ledgernode.api.Require;
import io.ledgernode.chaincode.tx.Tx;

/** The page size of a listing: the one asked for, at most the configured {@code pageSizeMax}, which is the default. */
final class PageSizes {
    private PageSizes() {}

    static int of(final Tx tx, final Integer requested) {
        final int max = tx.config().pageSizeMax();
        if (requested == null) {
            return max;
        }
        if (requested > max) {
            throw Require.invalid("pageSize " + requested + " is above the maximum " + max);
        }
        return requested;
    }
}
