/**
 * Compliance alerts: rules evaluated on the stream of committed entries (a transfer at or above its jurisdiction's
 * large-value threshold; structuring, several transfers just under it to or from one account within a window) and on
 * refused attempts to pay a frozen account. Each alert is kept in schema {@code notifications}, listed to compliance
 * roles and delivered through webhook subscriptions to {@code ALERT}.
 */
package io.ledgernode.node.alert;
