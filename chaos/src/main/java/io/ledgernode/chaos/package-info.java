/**
 * The bank workload under injected faults, in the style of Jepsen's bank test ({@code scripts/ledger chaos}).
 *
 * <p>Four parts, one package each: {@code workload} (clients of every org moving money through node-service over
 * REST and gRPC, retrying unknown outcomes under the same idempotency key), {@code nemesis} (a seeded schedule of
 * SIGKILLs and SIGSTOP hangs of the node's processes, by process id), {@code history} (what every client asked and
 * was answered, and every fault, as JSON lines: the checker's only input besides the network), and {@code check} (the
 * verdict: every acknowledged write on the chain exactly once, refusals moved nothing, conservation of supply on
 * each org's peer and in the mirror).
 */
package io.ledgernode.chaos;
