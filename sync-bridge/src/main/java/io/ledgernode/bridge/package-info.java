/**
 * sync-bridge: follows the channel's blocks and keeps the Postgres mirror exactly in step with the chain. Each
 * block's rows and the checkpoint (the next block expected) commit in one database transaction, so the bridge can be
 * killed at any instant and resume where the mirror is.
 */
package io.ledgernode.bridge;
