/**
 * What every route shares: the one mapping of errors to HTTP statuses, strict JSON bodies, the caller from its
 * token, and the JSON error body ({@code {"code":..,"message":..}}) a client can rely on.
 */
package io.ledgernode.node.http;
