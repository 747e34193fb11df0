package io.ledgernode.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * The channel's height as the connection's gateway peer knows it (system chaincode qscc, {@code GetChainInfo}): the
 * number of blocks in its block store, so the last block is {@code height - 1}. A peer writes a block to its block
 * store just before it commits the block's state, so a query evaluated on that peer right after this read may still
 * see the state of one block less.
 */
public record ChainHeight(long height, byte[] currentBlockHash) {

    public ChainHeight {
        Objects.requireNonNull(currentBlockHash, "currentBlockHash");
        currentBlockHash = currentBlockHash.clone();
    }

    @Override
    public byte[] currentBlockHash() {
        return currentBlockHash.clone();
    }

    /** Asks the connection's gateway peer; a peer that does not answer is a {@link LedgerClient.LedgerUnavailableException}. */
    public static ChainHeight read(LedgerConnection connection) {
        Objects.requireNonNull(connection, "connection");
        String channel = connection.network().getName();
        try {
            byte[] info = connection.network().getContract("qscc").evaluateTransaction("GetChainInfo", channel);
            BlockchainInfo parsed = BlockchainInfo.parseFrom(info);
            return new ChainHeight(parsed.getHeight(), parsed.getCurrentBlockHash().toByteArray());
        } catch (GatewayException e) {
            throw new LedgerClient.LedgerUnavailableException("qscc GetChainInfo on channel " + channel + ": "
                    + e.getStatus().getCode() + " " + Objects.toString(e.getStatus().getDescription(), ""), e);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("qscc GetChainInfo answered something that is not a BlockchainInfo", e);
        }
    }
}
