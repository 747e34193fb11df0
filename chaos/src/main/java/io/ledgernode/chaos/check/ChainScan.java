package io.ledgernode.chaos.check;

import io.ledgernode.api.Transactions;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.blocks.StateWrite;
import io.ledgernode.blocks.TransactionDecoder;
import io.ledgernode.gateway.ChannelBlocks;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What the chain itself says, read block by block from one org's peer: each transaction's validation code, and for
 * each idempotency record the VALID transactions that wrote it. The chaincode writes an idempotency record exactly
 * when a request first runs (a replay only reads it), so "written by exactly one VALID transaction" is "applied
 * exactly once", whatever the client was told.
 */
public record ChainScan(long height, Map<String, TxValidationCode> codes, Map<String, List<String>> writersByChainKey,
        Map<String, Integer> chaincodeWrites) {

    /** The chaincode's composite-key type of an idempotency record ({@code \0idem\0<msp>\0<key>\0}). */
    private static final String IDEMPOTENCY = "\u0000idem\u0000";

    public static ChainScan of(ChannelBlocks blocks, long height) {
        Map<String, TxValidationCode> codes = new HashMap<>();
        Map<String, List<String>> writers = new HashMap<>();
        Map<String, Integer> writeCounts = new HashMap<>();
        for (long number = 0; number < height; number++) {
            Block block = blocks.blockByNumber(number);
            ByteString flags = BlockMetadataSlots.validationFlags(block);
            for (int i = 0; i < block.getData().getDataCount(); i++) {
                DecodedTransaction tx;
                try {
                    tx = TransactionDecoder.decode(block.getData().getData(i));
                } catch (MalformedException e) {
                    throw new IllegalStateException("block " + number + " transaction " + i + " does not decode: " + e.getMessage(), e);
                }
                String txId = tx.channelHeader().getTxId();
                TxValidationCode code = i < flags.size() ? TxValidationCode.forNumber(flags.byteAt(i))
                        : TxValidationCode.NOT_VALIDATED;
                if (txId.isEmpty() || tx.chaincode().isEmpty()) {
                    continue; // configuration transactions
                }
                codes.put(txId, code);
                if (code != TxValidationCode.VALID) {
                    continue;
                }
                List<StateWrite> writes = tx.chaincode().get().writes().stream()
                        .filter(w -> w.namespace().equals(Transactions.CHAINCODE_NAME)).toList();
                writeCounts.put(txId, writes.size());
                for (StateWrite write : writes) {
                    if (write.key().startsWith(IDEMPOTENCY) && !write.delete()) {
                        writers.computeIfAbsent(chainKey(write.key()), k -> new ArrayList<>()).add(txId);
                    }
                }
            }
        }
        return new ChainScan(height, codes, writers, writeCounts);
    }

    /** {@code msp + "/" + key} of an idempotency record's composite key. */
    static String chainKey(String compositeKey) {
        String[] parts = compositeKey.split("\u0000");
        // "", "idem", msp, key
        return parts[2] + "/" + parts[3];
    }

    public static String chainKey(String mspId, String scopedKey) {
        return mspId + "/" + scopedKey;
    }
}
