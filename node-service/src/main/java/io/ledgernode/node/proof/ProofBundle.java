package io.ledgernode.node.proof;

import com.google.protobuf.ByteString;
import io.ledgernode.api.money.Entry;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * A transaction's proof, as built: the block holding it, the configuration block in force there, the contiguous
 * headers from the configuration block to the end block, the member orgs' attestations, and what the node claims
 * about the transaction. {@link #toJson()} is the file an auditor verifies.
 *
 * @param configBlock        the configuration block's header and data (its metadata is not part of a proof)
 * @param endBlockSignatures the orderers' {@code SIGNATURES} metadata of the end block, so the chain's end is signed
 */
public record ProofBundle(String channel, String txId, Block block, int txIndex, Block configBlock,
                          List<BlockHeader> headers, ByteString endBlockSignatures, List<Attestation> attestations,
                          Claim claim) {
    public ProofBundle {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(configBlock, "configBlock");
        Objects.requireNonNull(endBlockSignatures, "endBlockSignatures");
        Objects.requireNonNull(claim, "claim");
        headers = List.copyOf(headers);
        attestations = List.copyOf(attestations);
    }

    public long blockNumber() {
        return block.getHeader().getNumber();
    }

    /** The last block the header chain reaches. */
    public long endBlock() {
        return headers.get(headers.size() - 1).getNumber();
    }

    /** The bundle file: canonical compact JSON, docs/proof-bundle.md version 1. */
    public byte[] toJson() {
        return ProofBundleJson.write(this);
    }

    /** How the peers recorded the transaction, and for a chaincode transaction what it does. */
    public record Claim(String validationCode, Optional<Effects> effects) {
        public Claim {
            Objects.requireNonNull(validationCode, "validationCode");
            Objects.requireNonNull(effects, "effects");
        }
    }

    /** The invocation, its event's balance entries and its world-state writes; applied only when VALID. */
    public record Effects(boolean applied, String chaincode, String function, String eventName, List<Entry> entries,
                          List<Write> writes) {
        public Effects {
            Objects.requireNonNull(chaincode, "chaincode");
            Objects.requireNonNull(function, "function");
            entries = List.copyOf(entries);
            writes = List.copyOf(writes);
        }
    }

    /** One world-state write of the transaction. */
    public record Write(String namespace, String key, boolean delete, byte[] value) {
        public Write {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(key, "key");
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Write that && namespace.equals(that.namespace) && key.equals(that.key)
                    && delete == that.delete && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(namespace, key, delete, Arrays.hashCode(value));
        }

        @Override
        public String toString() {
            return namespace + ":" + key.replace('\u0000', '/') + (delete ? " deleted" : " (" + value.length + " bytes)");
        }
    }
}
