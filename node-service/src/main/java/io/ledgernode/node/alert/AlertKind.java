package io.ledgernode.node.alert;

/** What an alert is about. */
public enum AlertKind {
    /** A transfer (either side of it) at or above the account's jurisdiction's threshold for its asset. */
    LARGE_VALUE,
    /** At least {@code count} transfers from (or to) one account within {@code window}, each just under the threshold. */
    STRUCTURING,
    /** A transfer to a frozen account, refused by the chain. */
    FROZEN_ACCOUNT_RECEIVING
}
