/**
 * Rebuilding the mirror from block 0 into a fresh database and comparing it, table by table, with the live mirror:
 * the proof that the live mirror is exactly what the chain says, and the measure of the replay rate.
 */
package io.ledgernode.bridge.rebuild;
