/** Reads from the Postgres mirror (as its read-only role): every answer says the mirror height it reflects. */
package io.ledgernode.node.mirror;
