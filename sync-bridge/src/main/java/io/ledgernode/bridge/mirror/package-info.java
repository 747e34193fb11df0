/**
 * Writing the mirror: one block at a time, its rows and the checkpoint in one database transaction, the block's
 * previous hash checked against the stored hash of the block before it, and applying a block twice impossible by
 * construction (the checkpoint row is locked and must name exactly this block; block numbers are primary keys).
 */
package io.ledgernode.bridge.mirror;
