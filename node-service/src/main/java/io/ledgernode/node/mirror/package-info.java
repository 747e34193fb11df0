/**
 * The mirror as the API reads it: the mirror module's one read API (typed rows, one snapshot per read, every answer
 * with the mirror height it reflects) behind the API's error codes.
 */
package io.ledgernode.node.mirror;
