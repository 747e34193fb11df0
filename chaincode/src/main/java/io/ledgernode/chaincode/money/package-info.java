/**
 * {@code Money}: mint and burn (issuer only), transfers and all-or-nothing batch transfers (custodian of each debited
 * account), each idempotent per caller MSP and announced by one event.
 */
package io.ledgernode.chaincode.money;
