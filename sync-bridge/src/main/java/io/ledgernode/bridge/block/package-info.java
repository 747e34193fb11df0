/**
 * Reading one Fabric block exactly: its header and data hashes (recomputed and checked), the peer's validation code of
 * every envelope, and for each endorser transaction the invoked chaincode, function, creator and chaincode event. The
 * package owns the decoding of {@code common.Block} and nothing after it: it writes no rows and keeps no position.
 * Anything it cannot read exactly is a {@link io.ledgernode.bridge.block.BlockParseException}, so the bridge stops
 * rather than guess.
 */
package io.ledgernode.bridge.block;
