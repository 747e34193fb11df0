/** Issuance: registering assets and minting, for the issuer role. */
package io.ledgernode.node.issuance;
