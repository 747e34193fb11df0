/** {@code Compliance}: freezing, unfreezing and limiting accounts (issuer admins or {@code ledger.role=compliance}). */
package io.ledgernode.api.compliance;
