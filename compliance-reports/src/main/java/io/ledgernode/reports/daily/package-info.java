/**
 * The daily transaction report: one row per money movement of a valid transaction of the UTC day, at or before the
 * cut-off block, that touches an account of the jurisdiction. A transfer (and each leg of a batch) is one row, from
 * its DEBIT and CREDIT; a capture is one row from its HOLD_CAPTURE and CREDIT; a mint, burn, hold placed and hold
 * released are a row each. The side of a movement held in another jurisdiction shows only that jurisdiction's code.
 */
package io.ledgernode.reports.daily;
