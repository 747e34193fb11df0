package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.HeaderChain;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.bundle.Hex;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.trust.TrustAnchors;
import io.ledgernode.proof.trust.TrustedBlock;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * The carried headers link, each {@code previous_hash} the hash of the header before; they hold the transaction's
 * block header; the last one is signed by the ordering service under the bundle's configuration (so the chain's end
 * is the orderers', not the serving node's choice); and with a trusted block the chain must reach it, with its hash.
 */
final class HeaderChainCheck {
    private static final Check CHECK = Check.HEADER_CHAIN;

    private HeaderChainCheck() {}

    static CheckResult run(Evidence evidence, TrustAnchors anchors, Optional<ChannelConfig> trustedConfig) {
        if (!(evidence.chain() instanceof Attempt.Done<HeaderChain>(HeaderChain chain))) {
            return CheckResult.fail(CHECK, ((Attempt.Failed<HeaderChain>) evidence.chain()).problem());
        }
        long txBlock = evidence.blockNumber();
        String range = "blocks " + Long.toUnsignedString(chain.first()) + ".." + Long.toUnsignedString(chain.last());
        if (!chain.covers(txBlock)) {
            return CheckResult.fail(CHECK, "the carried headers (" + range + ") do not include block "
                    + Long.toUnsignedString(txBlock));
        }
        if (!chain.header(txBlock).orElseThrow().equals(evidence.bundle().block().getHeader())) {
            return CheckResult.fail(CHECK, "the carried header of block " + Long.toUnsignedString(txBlock)
                    + " differs from the block's own header");
        }
        Optional<String> broken = chain.brokenLink(chain.first(), chain.last());
        if (broken.isPresent()) {
            return CheckResult.fail(CHECK, broken.get());
        }
        String signedEnd;
        try {
            signedEnd = signedEnd(evidence, chain, trustedConfig);
        } catch (MalformedException e) {
            return CheckResult.fail(CHECK, "the end of the chain is not signed: " + e.getMessage());
        }
        Optional<TrustedBlock> trusted = anchors.trustedBlock();
        if (trusted.isEmpty()) {
            return CheckResult.pass(CHECK, range + " link through block " + Long.toUnsignedString(txBlock) + " up to block "
                    + Long.toUnsignedString(chain.last()) + " (header hash " + Hex.of(chain.hash(chain.last()).toByteArray())
                    + ", " + signedEnd + "); give --trusted-block and --trusted-block-hash to anchor it to a block you hold");
        }
        long number = trusted.get().number();
        if (!chain.covers(number)) {
            return CheckResult.fail(CHECK, "the trusted block " + Long.toUnsignedString(number)
                    + " is not among the carried headers (" + range + ")");
        }
        ByteString hash = chain.hash(number);
        if (!hash.equals(trusted.get().headerHash())) {
            return CheckResult.fail(CHECK, "block " + Long.toUnsignedString(number) + "'s header hash is "
                    + Hex.of(hash.toByteArray()) + ", not the trusted " + Hex.of(trusted.get().headerHash().toByteArray()));
        }
        return CheckResult.pass(CHECK, range + " link block " + Long.toUnsignedString(txBlock) + " to the trusted block "
                + Long.toUnsignedString(number) + " (header hash " + Hex.of(hash.toByteArray()) + "); " + signedEnd);
    }

    /** Verifies the end block's orderer signatures under the bundle's configuration, which must be in force there. */
    private static String signedEnd(Evidence evidence, HeaderChain chain, Optional<ChannelConfig> trustedConfig)
            throws MalformedException {
        MalformedException.require(trustedConfig.isPresent(), "no authenticated channel configuration to check it with");
        BlockHeader end = chain.header(chain.last()).orElseThrow();
        long configAtEnd = OrdererSignatures.lastConfigIndex(evidence.bundle().endBlockSignatures());
        MalformedException.require(configAtEnd == trustedConfig.get().blockNumber(), "block "
                + Long.toUnsignedString(end.getNumber()) + " is under configuration block " + Long.toUnsignedString(configAtEnd)
                + ", not the bundle's " + Long.toUnsignedString(trustedConfig.get().blockNumber()));
        return "signed by " + OrdererSignatures.verify(end, evidence.bundle().endBlockSignatures(), trustedConfig.get()).signers();
    }
}
