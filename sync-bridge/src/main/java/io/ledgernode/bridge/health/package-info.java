/**
 * What the bridge reports about itself: Prometheus metrics and readiness, served with liveness by the process kit's
 * status endpoint on loopback.
 */
package io.ledgernode.bridge.health;
