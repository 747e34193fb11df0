package io.ledgernode.proof.bundle;

import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.Metadata;

/**
 * A proof bundle read from its file, its protobuf parts decoded but nothing yet believed.
 *
 * @param blockNumber       the number the bundle states for the block holding the transaction (unsigned)
 * @param txIndex           the transaction's position in that block's data
 * @param configBlockNumber the number the bundle states for its channel configuration block
 * @param headers           contiguous block headers, ascending from the first one carried
 * @param endBlockSignatures the orderers' {@code SIGNATURES} metadata of the last header carried: the end of the
 *                          chain is signed, not just whatever the serving node chose to put there
 */
public record ProofBundle(int version, String channel, String txId, long blockNumber, int txIndex, Block block,
                          long configBlockNumber, Block configBlock, List<BlockHeader> headers,
                          Metadata endBlockSignatures, List<Attestation> attestations, Claim claim) {
    public ProofBundle {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(configBlock, "configBlock");
        Objects.requireNonNull(endBlockSignatures, "endBlockSignatures");
        Objects.requireNonNull(claim, "claim");
        headers = List.copyOf(headers);
        attestations = List.copyOf(attestations);
    }

    /** A bundle of the version this module reads and writes, its numbers taken from the blocks themselves. */
    public static ProofBundle of(String channel, String txId, Block block, int txIndex, Block configBlock,
                                 List<BlockHeader> headers, Metadata endBlockSignatures, List<Attestation> attestations,
                                 Claim claim) {
        return new ProofBundle(BundleReader.VERSION, channel, txId, block.getHeader().getNumber(), txIndex, block,
                configBlock.getHeader().getNumber(), configBlock, headers, endBlockSignatures, attestations, claim);
    }

    /** The last block the header chain reaches. */
    public long endBlock() {
        return headers.get(headers.size() - 1).getNumber();
    }
}
