/**
 * Prometheus text metrics of the scheduler process, served with liveness by the process kit's status endpoint on a
 * loopback address. The figures come from the
 * recorded runs at each scrape, so every process of the cluster reports the same last run, whichever ran it.
 */
package io.ledgernode.reconciler.metrics;
