package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Reads a committed block exactly, or not at all. The data hash is recomputed and must match the header (a tampered
 * block is never mirrored); every envelope must have its validation code in the peer's TRANSACTIONS_FILTER; every
 * envelope, valid or not, must decode. The sync-bridge mirrors what it returns.
 */
public final class BlockParser {
    private static final int HASH_LENGTH = 32;

    private BlockParser() {}

    /**
     * The block as the mirror needs it.
     *
     * @throws BlockParseException if any part cannot be read exactly: a data hash that differs from the header, a
     *     filter without exactly one known code per envelope, or an envelope that does not decode (named by index)
     */
    public static ParsedBlock parse(final Block block) throws BlockParseException {
        Objects.requireNonNull(block, "block");
        final long number = block.getHeader().getNumber();
        if (!block.hasHeader()) {
            throw new BlockParseException(number, "block has no header", null);
        }
        final BlockHeader header = block.getHeader();
        checkHashes(number, block);
        final TxValidationCode[] codes = validationCodes(number, block);
        final List<ParsedTransaction> transactions = new ArrayList<>(codes.length);
        for (int index = 0; index < codes.length; index++) {
            transactions.add(transaction(number, index, block.getData().getData(index), codes[index]));
        }
        return new ParsedBlock(number, BlockHashes.headerHash(header).toByteArray(), header.getPreviousHash().toByteArray(),
                header.getDataHash().toByteArray(), transactions);
    }

    private static void checkHashes(final long number, final Block block) throws BlockParseException {
        final BlockHeader header = block.getHeader();
        // Block 0 is the genesis block with no predecessor; every later block names its predecessor's SHA-256.
        final int previousLength = number == 0 ? 0 : HASH_LENGTH;
        if (header.getPreviousHash().size() != previousLength) {
            throw new BlockParseException(number, "previous_hash has " + header.getPreviousHash().size()
                    + " bytes, expected " + previousLength, null);
        }
        final byte[] computed = BlockHashes.dataHash(block.getData()).toByteArray();
        if (!MessageDigest.isEqual(computed, header.getDataHash().toByteArray())) {
            throw new BlockParseException(number, "data hash mismatch: header says "
                    + HexFormat.of().formatHex(header.getDataHash().toByteArray()) + ", data hashes to "
                    + HexFormat.of().formatHex(computed), null);
        }
        if (block.getData().getDataCount() == 0) {
            // An orderer never cuts an empty block.
            throw new BlockParseException(number, "block has no envelopes", null);
        }
    }

    /** One known validation code per envelope, from the filter the committing peer wrote. */
    private static TxValidationCode[] validationCodes(final long number, final Block block)
            throws BlockParseException {
        final int envelopes = block.getData().getDataCount();
        final ByteString filter = BlockMetadataSlots.validationFlags(block);
        if (filter.size() != envelopes) {
            // The orderer leaves the filter empty: only a peer's copy of a block says which transactions are valid.
            throw new BlockParseException(number, "TRANSACTIONS_FILTER has " + filter.size() + " bytes for "
                    + envelopes + " envelopes (blocks must come from a peer, not the orderer)", null);
        }
        final TxValidationCode[] codes = new TxValidationCode[envelopes];
        for (int index = 0; index < envelopes; index++) {
            final int value = Byte.toUnsignedInt(filter.byteAt(index));
            codes[index] = TxValidationCode.forNumber(value);
            if (codes[index] == null) {
                throw new BlockParseException(number, "envelope " + index + ": unknown validation code " + value,
                        null);
            }
        }
        return codes;
    }

    private static ParsedTransaction transaction(final long number, final int index, final ByteString envelope,
            final TxValidationCode code) throws BlockParseException {
        try {
            return EnvelopeParser.parse(index, envelope, code);
        } catch (final MalformedException e) {
            throw new BlockParseException(number, "envelope " + index + ": " + e.getMessage(), e);
        }
    }
}
