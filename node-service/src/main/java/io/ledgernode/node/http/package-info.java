/**
 * What every route shares: the closed set of error codes ({@link io.ledgernode.node.http.ApiErrorCode}) and their one
 * mapping to HTTP statuses with the JSON error body ({@code {"code":..,"message":..}}) a client can rely on, the route
 * table (404 and 405 for what no route takes), strict JSON bodies, the caller from its token, and the rate limits
 * (per caller, and per client address for refused requests).
 */
package io.ledgernode.node.http;
