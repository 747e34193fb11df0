package io.ledgernode.node.proof;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The exact bytes a member org signs to attest a block (docs/proof-bundle.md, "Validity attestations"): UTF-8 text,
 * one {@code name=value} line each ending in {@code \n}, hashes and flags in lowercase hex, the block number unsigned
 * decimal. The proof-verifier rebuilds the same bytes ({@code io.ledgernode.proof.bundle.AttestationStatement});
 * both are pinned by the same golden test, since this module does not depend on the verifier.
 */
public final class AttestationStatement {
    public static final String TITLE = "ledger-node validity attestation v1";

    // Fabric's channel name rule; MSP ids are restricted to printable ASCII without '=' so no value forges a line.
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    private static final Pattern MSP_ID = Pattern.compile("[\\x21-\\x3c\\x3e-\\x7e]{1,128}");
    private static final HexFormat HEX = HexFormat.of();

    private AttestationStatement() {}

    public static byte[] bytes(String channel, long blockNumber, byte[] headerHash, byte[] validationFlags,
                               byte[] commitHash, String attesterMspId) {
        require(CHANNEL, "channel", channel);
        require(MSP_ID, "attester MSP id", attesterMspId);
        String text = TITLE + "\n"
                + "channel=" + channel + "\n"
                + "block=" + Long.toUnsignedString(blockNumber) + "\n"
                + "header-hash=" + HEX.formatHex(headerHash) + "\n"
                + "validation-flags=" + HEX.formatHex(validationFlags) + "\n"
                + "commit-hash=" + HEX.formatHex(commitHash) + "\n"
                + "attester-msp=" + attesterMspId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void require(Pattern pattern, String what, String value) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " cannot appear in an attestation statement: " + value);
        }
    }
}
