/** What the bridge reports about itself: Prometheus metrics and liveness/readiness over HTTP on loopback. */
package io.ledgernode.bridge.health;
