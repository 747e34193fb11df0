package io.ledgernode.node.proof;

import io.ledgernode.gateway.ChannelBlocks;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.ProofBundle;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Metadata;

/**
 * Assembles a transaction's proof bundle: its block and the configuration block in force there (as this org's peer
 * holds them), the headers from the configuration block to the end block (the current height, or a block the auditor
 * already holds), the attestations of the configured attesters, and the claim read from the block. The bundle is the
 * verifier's own record ({@link ProofBundle}), written by its {@link io.ledgernode.proof.bundle.BundleWriter}. Thread-safe.
 */
public final class ProofBuilder {
    /** Most configuration changes stepped back over to find the end of the chain. */
    static final int CONFIG_CHANGES_MAX = 64;

    private final ChannelBlocks blocks;
    private final List<AttestationSource> attesters;
    private final ProofConfig config;

    /**
     * @param blocks    this org's peer
     * @param attesters the member orgs' attestation sources, this node's own among them
     */
    public ProofBuilder(ChannelBlocks blocks, List<AttestationSource> attesters, ProofConfig config) {
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.attesters = List.copyOf(attesters);
        this.config = Objects.requireNonNull(config, "config");
        if (config.attestationsRequired() > this.attesters.size()) {
            throw new IllegalArgumentException(config.attestationsRequired() + " attestations required but only "
                    + this.attesters.size() + " attesters configured");
        }
    }

    /** The proof of {@code txId}, its header chain reaching the channel's current height. */
    public ProofBundle build(String txId) throws ProofException {
        return build(txId, OptionalLong.empty());
    }

    /**
     * The proof of {@code txId}, its header chain reaching block {@code endBlock}: a block the auditor already holds,
     * at or after the transaction's and at most the current one ({@link IllegalArgumentException} otherwise).
     */
    public ProofBundle build(String txId, long endBlock) throws ProofException {
        return build(txId, OptionalLong.of(endBlock));
    }

    private ProofBundle build(String txId, OptionalLong endBlock) throws ProofException {
        Objects.requireNonNull(txId, "txId");
        try {
            Block block = blocks.blockByTxId(txId).orElseThrow(() -> new ProofException(ProofException.Reason.TX_NOT_FOUND,
                    "no transaction " + txId + " on " + blocks.mspId() + "'s peer"));
            int index = ClaimReader.indexOf(block, txId).orElseThrow(() -> new IllegalStateException("block "
                    + Long.toUnsignedString(block.getHeader().getNumber()) + " does not hold transaction " + txId));
            long number = block.getHeader().getNumber();
            long configNumber = ChannelBlocks.lastConfigIndex(block);
            Block configBlock = (configNumber == number ? block : blocks.blockByNumber(configNumber)).toBuilder()
                    .clearMetadata().build();
            Block end = endBlock(block, configNumber, endBlock);
            List<BlockHeader> headers = headers(configNumber, end.getHeader().getNumber(), block, configBlock, end.getHeader());
            return ProofBundle.of(blocks.channel(), txId, block, index, configBlock, headers, signatures(end),
                    attestations(number), ClaimReader.claim(block, index));
        } catch (LedgerClient.LedgerUnavailableException e) {
            throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, e.getMessage(), e);
        }
    }

    /** The orderers' {@code SIGNATURES} metadata of the end block; unreadable only if the peer's own block is damaged. */
    private static Metadata signatures(Block end) {
        try {
            return Metadata.parseFrom(end.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("block " + Long.toUnsignedString(end.getHeader().getNumber())
                    + " has unreadable SIGNATURES metadata: " + e.getMessage(), e);
        }
    }

    /**
     * The block the chain ends at: the one asked for, or the current height's, but always one the orderers signed
     * under the transaction's configuration. Going to the current height, a later configuration change ends the chain
     * just before it; asked for explicitly, it is a {@link ProofException.Reason#CONFIG_CHANGED}.
     */
    private Block endBlock(Block block, long configNumber, OptionalLong asked) throws ProofException {
        long number = block.getHeader().getNumber();
        long last = blocks.chainInfo().getHeight() - 1;
        long end = asked.orElse(last);
        if (Long.compareUnsigned(end, number) < 0 || Long.compareUnsigned(end, last) > 0) {
            throw new IllegalArgumentException("end block " + Long.toUnsignedString(end) + " is not between the transaction's block "
                    + Long.toUnsignedString(number) + " and the current block " + Long.toUnsignedString(last));
        }
        for (int step = 0; step < CONFIG_CHANGES_MAX; step++) {
            Block candidate = end == number ? block : blocks.blockByNumber(end);
            long config = ChannelBlocks.lastConfigIndex(candidate);
            if (config == configNumber) {
                return candidate;
            }
            if (asked.isPresent()) {
                throw new ProofException(ProofException.Reason.CONFIG_CHANGED, "the channel configuration changed at block "
                        + Long.toUnsignedString(config) + ", after transaction block " + Long.toUnsignedString(number)
                        + "; a proof reaches at most block " + Long.toUnsignedString(config - 1));
            }
            end = config - 1;
        }
        throw new ProofException(ProofException.Reason.CONFIG_CHANGED, "more than " + CONFIG_CHANGES_MAX
                + " configuration changes after block " + Long.toUnsignedString(number) + "; ask for an earlier end block");
    }

    private List<BlockHeader> headers(long from, long to, Block block, Block configBlock, BlockHeader end)
            throws ProofException {
        long count = to - from + 1;
        if (count > config.headersMax()) {
            throw new ProofException(ProofException.Reason.CHAIN_TOO_LONG, "the chain from configuration block "
                    + Long.toUnsignedString(from) + " to block " + Long.toUnsignedString(to) + " is " + count
                    + " headers, more than " + config.headersMax() + "; ask for a proof up to an earlier end block");
        }
        List<BlockHeader> headers = blocks.headers(from, to, config.headersMax());
        // The deliver stream and qscc are two reads of the same peer; a difference means it is not one ledger.
        if (!headers.get(0).equals(configBlock.getHeader()) || !headers.get(headers.size() - 1).equals(end)
                || !headers.get((int) (block.getHeader().getNumber() - from)).equals(block.getHeader())) {
            throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, blocks.mspId()
                    + "'s peer delivered headers that differ from the blocks it returned");
        }
        return headers;
    }

    /** Asks every attester, each until its peer holds the block or the wait runs out; enough must answer. */
    private List<Attestation> attestations(long blockNumber) throws ProofException {
        List<Attestation> attestations = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (AttestationSource attester : attesters) {
            try {
                attestations.add(attestation(attester, blockNumber));
            } catch (ProofException e) {
                failures.add(e.getMessage());
            }
        }
        if (attestations.size() < config.attestationsRequired()) {
            throw new ProofException(ProofException.Reason.ATTESTATION_UNAVAILABLE, attestations.size() + " of "
                    + attesters.size() + " attesters answered for block " + Long.toUnsignedString(blockNumber) + ", "
                    + config.attestationsRequired() + " required: " + String.join("; ", failures));
        }
        return attestations;
    }

    private Attestation attestation(AttestationSource attester, long blockNumber) throws ProofException {
        long deadline = System.nanoTime() + config.attestationWait().toNanos();
        while (true) {
            try {
                return attester.attestation(blockNumber);
            } catch (ProofException e) {
                if (e.reason() != ProofException.Reason.BLOCK_NOT_COMMITTED || System.nanoTime() >= deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(config.attestationRetryInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProofException(ProofException.Reason.ATTESTATION_UNAVAILABLE, attester.name() + ": interrupted", e);
            }
        }
    }
}
