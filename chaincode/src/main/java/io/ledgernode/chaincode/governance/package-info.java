/** {@code Governance}: the one-time channel configuration by the issuer's admin, and reading it. */
package io.ledgernode.chaincode.governance;
