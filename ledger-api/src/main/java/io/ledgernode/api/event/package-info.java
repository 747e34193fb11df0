/**
 * Chaincode events: one per state-changing transaction, named by its {@link io.ledgernode.api.event.EventType}, with
 * the transaction id, timestamp, the type's own fields and the balance effects. From the events alone a consumer can
 * rebuild every account, balance, open hold and supply exactly; {@link io.ledgernode.api.event.LedgerEvents} parses them.
 */
package io.ledgernode.api.event;
