package io.ledgernode.reconciler.chain;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.blocks.TransactionDecoder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Turns a block from the peer into what the reconciler compares: the header hash computed from its header, and each
 * envelope's transaction id and validation code. A block whose data does not hash to its header's data hash, or whose
 * validation filter does not cover every envelope, is refused: the peer's own copy would be inconsistent, which is not
 * a mirror break and must stop the run. Envelopes and metadata are read with the node's block kit (fabric-blocks); the
 * hashes are not: {@link BlockHashing} computes them independently.
 */
final class BlockDecoding {

    private BlockDecoding() {
    }

    static ChainBlock decode(Block block) {
        BlockHeader header = block.getHeader();
        long number = header.getNumber();
        List<byte[]> envelopes = new ArrayList<>(block.getData().getDataCount());
        for (ByteString envelope : block.getData().getDataList()) {
            envelopes.add(envelope.toByteArray());
        }
        byte[] dataHash = header.getDataHash().toByteArray();
        if (!MessageDigest.isEqual(BlockHashing.dataHash(envelopes), dataHash)) {
            throw new IllegalStateException("block " + Long.toUnsignedString(number) + " from the peer: its data does not hash to "
                    + HexFormat.of().formatHex(dataHash));
        }
        ByteString filter = BlockMetadataSlots.validationFlags(block);
        if (filter.size() != envelopes.size()) {
            throw new IllegalStateException("block " + Long.toUnsignedString(number) + " from the peer: validation filter of "
                    + filter.size() + " bytes for " + envelopes.size() + " envelopes");
        }
        List<ChainBlock.ChainTransaction> transactions = new ArrayList<>(envelopes.size());
        for (int index = 0; index < envelopes.size(); index++) {
            transactions.add(new ChainBlock.ChainTransaction(index, txId(number, index, envelopes.get(index)),
                    validationCode(number, index, filter.byteAt(index))));
        }
        byte[] previousHash = header.getPreviousHash().toByteArray();
        return new ChainBlock(number, BlockHashing.headerHash(number, previousHash, dataHash), previousHash, dataHash,
                transactions);
    }

    /** The channel header's transaction id; empty for envelopes without one (the orderer's config transactions). */
    private static String txId(long number, int index, byte[] envelope) {
        try {
            return TransactionDecoder.channelHeader(ByteString.copyFrom(envelope)).getTxId();
        } catch (MalformedException e) {
            throw new IllegalStateException("block " + Long.toUnsignedString(number) + " envelope " + index
                    + " from the peer does not decode: " + e.getMessage(), e);
        }
    }

    private static String validationCode(long number, int index, byte code) {
        TxValidationCode known = TxValidationCode.forNumber(Byte.toUnsignedInt(code));
        if (known == null) {
            throw new IllegalStateException("block " + Long.toUnsignedString(number) + " envelope " + index
                    + ": unknown validation code " + Byte.toUnsignedInt(code));
        }
        return known.name();
    }
}
