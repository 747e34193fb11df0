/** {@code Assets}: registering assets (issuer only), asset records, and each asset's supply key. */
package io.ledgernode.chaincode.asset;
