/** The network description as immutable values, validated once when it is read. */
package io.ledgernode.netconfig.model;
