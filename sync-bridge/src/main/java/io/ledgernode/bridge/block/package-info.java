/**
 * Reading one Fabric block exactly: its header and data hashes (recomputed and checked), the peer's validation code of
 * every envelope, and for each endorser transaction the invoked chaincode, function, creator and chaincode event. The
 * package owns the bridge's reading of {@code common.Block} and nothing after it: it writes no rows and keeps no
 * position. The envelope decoding and the hashes are the node's one block kit ({@code io.ledgernode.blocks} in
 * fabric-blocks); this package adds the mirror's demands on what it decodes.
 * Anything it cannot read exactly is a {@link io.ledgernode.bridge.block.BlockParseException}, so the bridge stops
 * rather than guess.
 */
package io.ledgernode.bridge.block;
