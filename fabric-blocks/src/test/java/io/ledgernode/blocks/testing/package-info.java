/**
 * Blocks for tests, shipped in fabric-blocks' test jar: the real blocks of channel {@code ledger}
 * ({@code src/test/resources/blocks}, read by {@link io.ledgernode.blocks.testing.BlockFixtures}) and synthetic blocks
 * built envelope by envelope ({@link io.ledgernode.blocks.testing.SyntheticBlocks}).
 */
package io.ledgernode.blocks.testing;
