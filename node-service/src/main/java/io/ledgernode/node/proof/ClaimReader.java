package io.ledgernode.node.proof;

import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.money.Entry;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.ChaincodeTransaction;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.blocks.StateWrite;
import io.ledgernode.blocks.TransactionDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What the node claims about a transaction, read from the block as this org's peer holds it: the validation code
 * its peer recorded, and for a chaincode transaction the invocation, the event's balance entries (the ledger's own
 * event classes) and the world-state writes. The envelope is decoded by the node's one block kit, the same the
 * verifier uses; what the verifier checks independently is the claim against the signed block, not the decoding.
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

    static ProofBundle.Claim claim(Block block, int index) {
        byte[] flags = BlockMetadataSlots.validationFlags(block).toByteArray();
        if (index >= flags.length) {
            throw new IllegalStateException("block " + Long.toUnsignedString(block.getHeader().getNumber())
                    + " has no validation flag for envelope " + index);
        }
        TxValidationCode code = TxValidationCode.forNumber(flags[index] & 0xff);
        String validationCode = code == null ? "UNKNOWN_" + (flags[index] & 0xff) : code.name();
        Optional<ChaincodeTransaction> chaincode = decode(block, index).chaincode();
        if (chaincode.isEmpty()) {
            return new ProofBundle.Claim(validationCode, Optional.empty());
        }
        return new ProofBundle.Claim(validationCode,
                Optional.of(effects(chaincode.get(), code == TxValidationCode.VALID)));
    }

    private static ProofBundle.Effects effects(ChaincodeTransaction chaincode, boolean applied) {
        Optional<ChaincodeEvent> event = chaincode.event();
        List<Entry> entries = event.map(e -> LedgerEvents.parse(e.getEventName(), e.getPayload().toByteArray()).entries())
                .orElse(List.of());
        List<ProofBundle.Write> writes = new ArrayList<>(chaincode.writes().size());
        for (StateWrite write : chaincode.writes()) {
            writes.add(new ProofBundle.Write(write.namespace(), write.key(), write.delete(), write.value().toByteArray()));
        }
        return new ProofBundle.Effects(applied, chaincode.chaincode(), chaincode.function(),
                event.map(ChaincodeEvent::getEventName).orElse(null), entries, writes);
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
