/**
 * The process roster: every long-running process one node runs (the Fabric network's orderers, peers and chaincode
 * servers, and each member org's PostgreSQL, sync-bridge and node-service, and the reconciler), with its org, ports,
 * probes and the processes it needs first. Written once by the generator as {@code network/roster.tsv}; the operator
 * scripts start, judge, stop and write systemd units from that file and keep no list of their own.
 */
package io.ledgernode.netconfig.roster;
