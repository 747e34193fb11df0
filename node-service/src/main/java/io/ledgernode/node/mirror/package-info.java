/**
 * The mirror as the API reads it: the mirror module's one read API (typed rows, one snapshot per read, every answer
 * with the mirror height it reflects) behind the API's error codes, and the mirror's values printed as the API has
 * always shown them ({@link io.ledgernode.node.mirror.PgText}).
 */
package io.ledgernode.node.mirror;
