/** {@code Compliance}: freezing, unfreezing and limiting accounts, by issuer admins or {@code ledger.role=compliance}. */
package io.ledgernode.chaincode.compliance;
