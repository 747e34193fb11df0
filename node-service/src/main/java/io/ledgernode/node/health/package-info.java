/** Liveness, readiness and the Prometheus metrics of the service. */
package io.ledgernode.node.health;
