/**
 * Following the channel: block events from the org's gateway peer, starting at the checkpoint, each block parsed and
 * applied; the peer going away means reconnecting from the checkpoint with bounded backoff, the database going away
 * means waiting and applying the same block again. Which failures are worth waiting out is decided in
 * {@link io.ledgernode.bridge.follow.Failures}.
 */
package io.ledgernode.bridge.follow;
