/**
 * {@code Holds}: two-phase payments. Place (custodian, a debit within limits), capture once before expiry (custodian),
 * void (custodian), release at or after expiry (anyone); hold records and the index of each account's open holds.
 */
package io.ledgernode.chaincode.hold;
