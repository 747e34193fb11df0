/**
 * Account statements ({@code GET /v1/accounts/{id}/statement}): the opening balance of a period, every entry in it
 * with its counterparty and reference, the closing balance and the blocks it reflects, as JSON, CSV or PDF from one
 * mirror snapshot, streamed so that a period of any length is never held in memory.
 */
package io.ledgernode.node.statement;
