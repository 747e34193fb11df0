package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;

/**
 * The metadata slots of a block. The orderers sign slot {@code SIGNATURES} (its value, an
 * {@code OrdererBlockMetadata}, carries the last config index); the committing peer adds
 * {@code TRANSACTIONS_FILTER} (one validation code per envelope) and {@code COMMIT_HASH}, which nobody signs.
 */
public final class BlockMetadataSlots {
    /** The old {@code LAST_CONFIG} slot (deprecated in the protobufs, still Fabric's fallback), by number. */
    static final int LAST_CONFIG_SLOT = 1;

    private BlockMetadataSlots() {}

    public static ByteString slot(Block block, BlockMetadataIndex index) {
        return slot(block, index.getNumber());
    }

    private static ByteString slot(Block block, int i) {
        return block.getMetadata().getMetadataCount() > i ? block.getMetadata().getMetadata(i) : ByteString.EMPTY;
    }

    /** The orderers' signatures and the value they cover. */
    public static Metadata signatures(Block block) throws MalformedException {
        return MalformedException.parse("SIGNATURES metadata", Metadata.parser(), slot(block, BlockMetadataIndex.SIGNATURES));
    }

    /**
     * The number of the channel's latest configuration block at this block, as the orderers signed it
     * ({@code protoutil.GetLastConfigIndexFromBlock}: the signed {@code OrdererBlockMetadata}, falling back to the old
     * {@code LAST_CONFIG} slot only when the signed value is empty).
     */
    public static long lastConfigIndex(Block block) throws MalformedException {
        Metadata signatures = signatures(block);
        if (signatures.getValue().isEmpty()) {
            Metadata old = MalformedException.parse("LAST_CONFIG metadata", Metadata.parser(),
                    slot(block, LAST_CONFIG_SLOT));
            return MalformedException.parse("LAST_CONFIG value", LastConfig.parser(), old.getValue()).getIndex();
        }
        OrdererBlockMetadata ordererMetadata = MalformedException.parse("orderer block metadata",
                OrdererBlockMetadata.parser(), signatures.getValue());
        MalformedException.require(ordererMetadata.hasLastConfig(), "orderer block metadata has no last config");
        return ordererMetadata.getLastConfig().getIndex();
    }

    /** The validation flags as the peer that served the block recorded them: one byte per envelope. */
    public static ByteString validationFlags(Block block) {
        return slot(block, BlockMetadataIndex.TRANSACTIONS_FILTER);
    }

    /** The peer's commit hash (a {@code Metadata} value), empty when the peer recorded none. */
    public static ByteString commitHash(Block block) throws MalformedException {
        ByteString slot = slot(block, BlockMetadataIndex.COMMIT_HASH);
        return slot.isEmpty() ? ByteString.EMPTY
                : MalformedException.parse("COMMIT_HASH metadata", Metadata.parser(), slot).getValue();
    }
}
