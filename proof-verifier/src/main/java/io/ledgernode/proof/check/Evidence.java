package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.blocks.HeaderChain;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.blocks.TransactionDecoder;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.config.ConfigBlockReader;
import java.util.Optional;

/**
 * What is decoded from a bundle once, for every check: the transaction, the header chain, the configuration (still
 * unauthenticated) and the block's header hash. Decoding hostile bytes may make a library throw anything; that is a
 * failed attempt with its reason, like a malformed message.
 */
record Evidence(ProofBundle bundle, Attempt<DecodedTransaction> transaction, Attempt<HeaderChain> chain,
                Attempt<ChannelConfig> config, ByteString blockHash) {

    static Evidence of(ProofBundle bundle) {
        return new Evidence(bundle, transaction(bundle), chain(bundle), config(bundle),
                BlockHashes.headerHash(bundle.block().getHeader()));
    }

    long blockNumber() {
        return bundle.block().getHeader().getNumber();
    }

    /** A check of the transaction's signatures against the authenticated channel configuration. */
    @FunctionalInterface
    interface SignaturesCheck {
        CheckResult run(DecodedTransaction tx, ChannelConfig trustedConfig);
    }

    /**
     * {@code signatures} run on the transaction, when the channel configuration is authenticated and the transaction
     * readable; otherwise {@code check} fails as "not checked", saying which of the two is missing.
     */
    CheckResult checkSignatures(Check check, Optional<ChannelConfig> trustedConfig, SignaturesCheck signatures) {
        if (trustedConfig.isEmpty()) {
            return CheckResult.fail(check, "not checked: no authenticated channel configuration");
        }
        if (!(transaction instanceof Attempt.Done<DecodedTransaction>(DecodedTransaction tx))) {
            return CheckResult.fail(check, "not checked: the transaction cannot be read");
        }
        return signatures.run(tx, trustedConfig.get());
    }

    private static Attempt<DecodedTransaction> transaction(ProofBundle bundle) {
        int count = bundle.block().getData().getDataCount();
        if (bundle.txIndex() >= count) {
            return new Attempt.Failed<>("the block has " + count + " envelopes, there is no envelope " + bundle.txIndex());
        }
        try {
            return new Attempt.Done<>(TransactionDecoder.decode(bundle.block().getData().getData(bundle.txIndex())));
        } catch (MalformedException | RuntimeException e) {
            return new Attempt.Failed<>("envelope " + bundle.txIndex() + " cannot be read: " + e.getMessage());
        }
    }

    private static Attempt<HeaderChain> chain(ProofBundle bundle) {
        try {
            return new Attempt.Done<>(HeaderChain.of(bundle.headers()));
        } catch (MalformedException | RuntimeException e) {
            return new Attempt.Failed<>(String.valueOf(e.getMessage()));
        }
    }

    private static Attempt<ChannelConfig> config(ProofBundle bundle) {
        try {
            return new Attempt.Done<>(ConfigBlockReader.read(bundle.configBlock()));
        } catch (MalformedException | RuntimeException e) {
            return new Attempt.Failed<>(String.valueOf(e.getMessage()));
        }
    }
}
