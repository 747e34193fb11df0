package io.ledgernode.reports.largevalue;

/** Which way money moved, for the party: totalled separately. */
public enum Direction {
    OUTGOING,
    INCOMING
}
