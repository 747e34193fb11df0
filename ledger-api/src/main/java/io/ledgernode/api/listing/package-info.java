/**
 * The listings a reconciler pages through ({@code Accounts:list}, {@code Accounts:summary}, {@code Assets:list}): the
 * request, the lines and pages the chaincode answers with, and the open-holds digest ({@link
 * io.ledgernode.api.listing.HoldDigest}) in the chain's key order ({@link io.ledgernode.api.listing.KeyOrder}).
 * Defined here once for the chaincode that writes them and the reconciler that reads them.
 */
package io.ledgernode.api.listing;
