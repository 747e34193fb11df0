package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.HeaderChain;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.msp.Certificates;
import io.ledgernode.proof.msp.Msp;
import io.ledgernode.proof.trust.TrustAnchors;
import io.ledgernode.proof.trust.TrustedBlock;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The channel configuration every other check evaluates against must be the one in force at the transaction's block
 * and must be authentic: it is the block the transaction's block names (its orderer-signed last-config index), it is
 * the block the auditor supplied or it is linked to the transaction's block by the carried headers, and every MSP
 * root it defines is one the auditor trusts.
 */
final class ConfigBlockCheck {
    private static final Check CHECK = Check.CONFIG_BLOCK;

    private ConfigBlockCheck() {}

    static Established<ChannelConfig> run(Evidence evidence, TrustAnchors anchors) {
        ProofBundle bundle = evidence.bundle();
        Block block = bundle.configBlock();
        long number = block.getHeader().getNumber();
        if (number != bundle.configBlockNumber()) {
            return Established.failed(CHECK, "the configuration block is block " + Long.toUnsignedString(number)
                    + ", the bundle says " + Long.toUnsignedString(bundle.configBlockNumber()));
        }
        if (!BlockHashes.dataHash(block.getData()).equals(block.getHeader().getDataHash())) {
            return Established.failed(CHECK, "configuration block " + Long.toUnsignedString(number)
                    + "'s data does not match its header's data hash");
        }
        if (!(evidence.config() instanceof Attempt.Done<ChannelConfig>(ChannelConfig config))) {
            return Established.failed(CHECK, "configuration block " + Long.toUnsignedString(number) + " cannot be read: "
                    + ((Attempt.Failed<ChannelConfig>) evidence.config()).problem());
        }
        if (!config.channelId().equals(bundle.channel())) {
            return Established.failed(CHECK, "configuration block " + Long.toUnsignedString(number) + " is of channel "
                    + config.channelId() + ", not " + bundle.channel());
        }
        Optional<String> untrusted = untrustedRoot(config, anchors);
        if (untrusted.isPresent()) {
            return Established.failed(CHECK, untrusted.get());
        }
        long named;
        try {
            named = BlockMetadataSlots.lastConfigIndex(bundle.block());
        } catch (MalformedException e) {
            return Established.failed(CHECK, "the transaction's block names no configuration block: " + e.getMessage());
        }
        if (named != number) {
            return Established.failed(CHECK, "block " + Long.toUnsignedString(evidence.blockNumber())
                    + " names configuration block " + Long.toUnsignedString(named)
                    + " as in force, the bundle carries block " + Long.toUnsignedString(number));
        }
        return authenticated(evidence, config, anchors);
    }

    private static Optional<String> untrustedRoot(ChannelConfig config, TrustAnchors anchors) {
        if (anchors.roots().isEmpty()) {
            return Optional.of("no trusted root certificates were given");
        }
        for (Msp msp : config.msps().all()) {
            for (X509Certificate root : msp.roots()) {
                if (!anchors.trusts(root)) {
                    return Optional.of("MSP " + msp.id() + "'s root CA " + Certificates.commonName(root)
                            + " is not among the trusted roots");
                }
            }
        }
        return Optional.empty();
    }

    private static Established<ChannelConfig> authenticated(Evidence evidence, ChannelConfig config, TrustAnchors anchors) {
        Block block = evidence.bundle().configBlock();
        long number = block.getHeader().getNumber();
        ByteString hash = BlockHashes.headerHash(block.getHeader());
        String roots = "; its " + config.msps().all().size() + " MSPs' root CAs are all trusted";
        Optional<TrustedBlock> supplied = anchors.configBlock();
        if (supplied.isPresent() && supplied.get().number() == number) {
            return supplied.get().headerHash().equals(hash)
                    ? Established.passed(CHECK, "block " + Long.toUnsignedString(number)
                            + ", identical to the configuration block you supplied" + roots, config)
                    : Established.failed(CHECK, "configuration block " + Long.toUnsignedString(number)
                            + " differs from the configuration block you supplied");
        }
        if (number == evidence.blockNumber()) {
            return Established.passed(CHECK, "block " + Long.toUnsignedString(number)
                    + ", the transaction's own block" + roots, config);
        }
        Optional<String> unlinked = unlinked(evidence, number);
        if (unlinked.isPresent()) {
            return Established.failed(CHECK, "configuration block " + Long.toUnsignedString(number)
                    + " is not authenticated: " + unlinked.get() + ", and no --config-block identical to it was given");
        }
        return Established.passed(CHECK, "block " + Long.toUnsignedString(number) + ", named by block "
                + Long.toUnsignedString(evidence.blockNumber()) + "'s signed last-config index and linked to it by the "
                + "carried headers" + roots, config);
    }

    /**
     * Why the carried headers do not link the configuration block to the transaction's block, if they do not. That
     * the carried header of the transaction's block is the block's own, and that the orderers signed it, are the
     * header-chain and orderer-signatures checks: the three together authenticate the configuration.
     */
    private static Optional<String> unlinked(Evidence evidence, long number) {
        if (!(evidence.chain() instanceof Attempt.Done<HeaderChain>(HeaderChain chain))) {
            return Optional.of("the carried headers cannot be read");
        }
        long txBlock = evidence.blockNumber();
        if (!chain.covers(number) || !chain.covers(txBlock)) {
            return Optional.of("the carried headers (blocks " + Long.toUnsignedString(chain.first()) + ".."
                    + Long.toUnsignedString(chain.last()) + ") do not reach from it to block " + Long.toUnsignedString(txBlock));
        }
        if (!chain.header(number).orElseThrow().equals(evidence.bundle().configBlock().getHeader())) {
            return Optional.of("its header differs from the carried header of block " + Long.toUnsignedString(number));
        }
        return chain.brokenLink(number, txBlock);
    }
}
