/**
 * Webhooks: a caller subscribes a URL to the committed ledger entries it may see (its own accounts' for a wallet, its
 * jurisdiction's for a regulator, all for an auditor or operator), and the node delivers each, in chain order, at
 * least once, signed as the Standard Webhooks specification says, retried with back-off until the receiver answers
 * 2xx, then dead-lettered after a configured time. Subscriptions and their positions are kept in node-service's own
 * schema ({@code notifications}) of the node's database; the entries come from the mirror.
 */
package io.ledgernode.node.webhook;
