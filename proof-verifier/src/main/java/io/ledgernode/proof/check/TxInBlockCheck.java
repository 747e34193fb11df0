package io.ledgernode.proof.check;

import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.proof.bundle.Hex;
import io.ledgernode.proof.bundle.ProofBundle;
import java.security.MessageDigest;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;

/**
 * The envelope at the stated index of the block is the stated transaction of the stated channel; for an endorser
 * transaction its id is, as Fabric requires, the SHA-256 of its nonce and creator (so the id names these bytes).
 */
final class TxInBlockCheck {
    private static final Check CHECK = Check.TX_IN_BLOCK;

    private TxInBlockCheck() {}

    static CheckResult run(Evidence evidence) {
        ProofBundle bundle = evidence.bundle();
        if (evidence.blockNumber() != bundle.blockNumber()) {
            return CheckResult.fail(CHECK, "the block is block " + Long.toUnsignedString(evidence.blockNumber())
                    + ", the bundle says " + Long.toUnsignedString(bundle.blockNumber()));
        }
        if (!(evidence.transaction() instanceof Attempt.Done<DecodedTransaction>(DecodedTransaction tx))) {
            return CheckResult.fail(CHECK, ((Attempt.Failed<DecodedTransaction>) evidence.transaction()).problem());
        }
        ChannelHeader channelHeader = tx.channelHeader();
        if (!channelHeader.getChannelId().equals(bundle.channel())) {
            return CheckResult.fail(CHECK, "envelope " + bundle.txIndex() + " is of channel " + channelHeader.getChannelId()
                    + ", not " + bundle.channel());
        }
        if (!channelHeader.getTxId().equals(bundle.txId())) {
            return CheckResult.fail(CHECK, "envelope " + bundle.txIndex() + " is transaction " + channelHeader.getTxId()
                    + ", not " + bundle.txId());
        }
        if (tx.type() == HeaderType.ENDORSER_TRANSACTION) {
            String computed = txId(tx.signatureHeader());
            if (!computed.equals(bundle.txId())) {
                return CheckResult.fail(CHECK, "transaction id " + bundle.txId() + " is not SHA-256(nonce || creator) = "
                        + computed);
            }
        }
        return CheckResult.pass(CHECK, "transaction " + bundle.txId() + " (" + tx.type() + ") is envelope "
                + bundle.txIndex() + " of " + bundle.block().getData().getDataCount() + " in block "
                + Long.toUnsignedString(evidence.blockNumber()));
    }

    /** Fabric's {@code protoutil.ComputeTxID}. */
    private static String txId(SignatureHeader header) {
        MessageDigest digest = BlockHashes.sha256();
        digest.update(header.getNonce().asReadOnlyByteBuffer());
        digest.update(header.getCreator().asReadOnlyByteBuffer());
        return Hex.of(digest.digest());
    }
}
