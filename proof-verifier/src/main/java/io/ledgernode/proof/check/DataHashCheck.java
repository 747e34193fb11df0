package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.proof.bundle.Hex;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The block's envelopes, all of them, are the ones its header commits to: Fabric's data hash is one SHA-256 over
 * their concatenation, so inclusion of one transaction needs every envelope of its block.
 */
final class DataHashCheck {
    private static final Check CHECK = Check.DATA_HASH;

    private DataHashCheck() {}

    static CheckResult run(Evidence evidence) {
        Block block = evidence.bundle().block();
        ByteString computed = BlockHashes.dataHash(block.getData());
        ByteString stated = block.getHeader().getDataHash();
        if (!computed.equals(stated)) {
            return CheckResult.fail(CHECK, "SHA-256 over the block's " + block.getData().getDataCount() + " envelopes is "
                    + Hex.of(computed.toByteArray()) + ", its header says " + Hex.of(stated.toByteArray()));
        }
        return CheckResult.pass(CHECK, "SHA-256 over the block's " + block.getData().getDataCount()
                + " envelope(s) equals its header's data hash " + Hex.of(stated.toByteArray()));
    }
}
