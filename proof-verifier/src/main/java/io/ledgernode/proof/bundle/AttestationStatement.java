package io.ledgernode.proof.bundle;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The exact bytes a member org signs to attest a block's validity: UTF-8 text, one {@code name=value} line each,
 * every line ending in {@code \n}, hashes and flags in lowercase hex, the block number in decimal (unsigned):
 *
 * <pre>
 * ledger-node validity attestation v1
 * channel=ledger
 * block=12
 * header-hash=9f86d0...
 * validation-flags=000b
 * commit-hash=3c1f...
 * attester-msp=Org1MSP
 * </pre>
 *
 * Text, so an auditor can rebuild it by hand; each value is restricted so that no value can forge another line.
 * The node that signs (node-service {@code io.ledgernode.node.proof}) signs exactly these bytes: it calls this class.
 */
public final class AttestationStatement {
    public static final String TITLE = "ledger-node validity attestation v1";

    // Fabric's channel name rule; MSP ids are free text in Fabric, so only printable ASCII without '=' is allowed here.
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    private static final Pattern MSP_ID = Pattern.compile("[\\x21-\\x3c\\x3e-\\x7e]{1,128}");

    private AttestationStatement() {}

    /** The statement's bytes; an impossible channel name or MSP id is an {@link IllegalArgumentException}. */
    public static byte[] bytes(String channel, long blockNumber, ByteString headerHash, ByteString validationFlags,
                               ByteString commitHash, String attesterMspId) {
        require(CHANNEL, "channel", channel);
        require(MSP_ID, "attester MSP id", attesterMspId);
        String text = TITLE + "\n"
                + "channel=" + channel + "\n"
                + "block=" + Long.toUnsignedString(blockNumber) + "\n"
                + "header-hash=" + Hex.of(headerHash.toByteArray()) + "\n"
                + "validation-flags=" + Hex.of(validationFlags.toByteArray()) + "\n"
                + "commit-hash=" + Hex.of(commitHash.toByteArray()) + "\n"
                + "attester-msp=" + attesterMspId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The statement an attestation's fields make. */
    public static byte[] of(Attestation attestation) {
        return bytes(attestation.channel(), attestation.blockNumber(), attestation.headerHash(),
                attestation.validationFlags(), attestation.commitHash(), attestation.mspId());
    }

    private static void require(Pattern pattern, String what, String value) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " cannot appear in an attestation statement: " + value);
        }
    }
}
