/**
 * Keyed pseudonyms of parties. Reports never print an owner reference: they print HMAC-SHA256 of it under the node's
 * secret pseudonym key, cut to a fixed number of hex digits. The same key gives the same pseudonym in every report,
 * so a regulator can follow a party across days without learning who it is.
 */
package io.ledgernode.reports.party;
