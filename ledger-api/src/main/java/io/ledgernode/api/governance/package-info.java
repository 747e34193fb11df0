/** {@code Governance}: the channel's one-time configuration (issuer org and the limits every batch and page obeys). */
package io.ledgernode.api.governance;
