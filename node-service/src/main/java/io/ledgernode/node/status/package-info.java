/**
 * What an operator or auditor reads about the node itself: its processes and their health, the chain's height beside
 * the mirror's, recent errors, the reconciler's schedule and last run ({@code GET /v1/node/status}), and the
 * consortium's orgs, peers and root certificates ({@code GET /v1/consortium}).
 */
package io.ledgernode.node.status;
