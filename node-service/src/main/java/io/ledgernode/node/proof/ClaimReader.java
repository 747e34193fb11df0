package io.ledgernode.node.proof;

import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.ChaincodeTransaction;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.blocks.TransactionDecoder;
import io.ledgernode.proof.bundle.Claim;
import io.ledgernode.proof.bundle.ClaimedEffects;
import java.util.Optional;
import java.util.OptionalInt;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What the node claims about a transaction, read from the block as this org's peer holds it: the validation code
 * its peer recorded, and for a chaincode transaction the invocation, the event's balance entries (the ledger's own
 * event classes) and the world-state writes, in the verifier's own claim types ({@link ClaimedEffects#of}). The
 * envelope is decoded by the node's one block kit, the same the verifier uses; what the verifier checks independently
 * is the claim against the signed block, not the decoding.
 */
final class ClaimReader {
    private ClaimReader() {}

    /** The position of the first envelope of {@code txId} in the block (Fabric indexes the first occurrence). */
    static OptionalInt indexOf(Block block, String txId) {
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if (txId.equals(channelHeader(block, i).getTxId())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    static Claim claim(Block block, int index) {
        byte[] flags = BlockMetadataSlots.validationFlags(block).toByteArray();
        if (index >= flags.length) {
            throw new IllegalStateException("block " + Long.toUnsignedString(block.getHeader().getNumber())
                    + " has no validation flag for envelope " + index);
        }
        TxValidationCode code = TxValidationCode.forNumber(flags[index] & 0xff);
        String validationCode = code == null ? "UNKNOWN_" + (flags[index] & 0xff) : code.name();
        Optional<ChaincodeTransaction> chaincode = decode(block, index).chaincode();
        if (chaincode.isEmpty()) {
            return new Claim(validationCode, Optional.empty());
        }
        return new Claim(validationCode, Optional.of(ClaimedEffects.of(chaincode.get(), code == TxValidationCode.VALID)));
    }

    private static ChannelHeader channelHeader(Block block, int index) {
        try {
            return TransactionDecoder.channelHeader(block.getData().getData(index));
        } catch (MalformedException e) {
            throw unreadable(index, e);
        }
    }

    private static DecodedTransaction decode(Block block, int index) {
        try {
            return TransactionDecoder.decode(block.getData().getData(index));
        } catch (MalformedException e) {
            throw unreadable(index, e);
        }
    }

    /** The peer committed this block; an unreadable part is a fault of the peer or of this reader. */
    private static IllegalStateException unreadable(int index, MalformedException e) {
        return new IllegalStateException("the block's envelope " + index + " is not readable: " + e.getMessage(), e);
    }
}
