package io.ledgernode.proof.check;

/** The checks of a proof, in report order, each with its stable name. */
public enum Check {
    /** The file is a readable version-1 bundle in canonical form. */
    BUNDLE("bundle"),
    /** The configuration block is the one the transaction's block names, authenticated, its MSP roots trusted. */
    CONFIG_BLOCK("config-block"),
    /** The envelope at the stated index is the stated transaction, of this channel. */
    TX_IN_BLOCK("tx-in-block"),
    /** The block's data (every envelope) hashes to its header's data hash. */
    DATA_HASH("data-hash"),
    /** The carried headers link from the block to the trusted block (or the last carried). */
    HEADER_CHAIN("header-chain"),
    /** The orderers' signatures on the block header are valid and satisfy the block validation policy. */
    ORDERER_SIGNATURES("orderer-signatures"),
    /** The envelope is signed by its creator, a valid identity of the channel. */
    CREATOR_SIGNATURE("creator-signature"),
    /** The endorsements are valid, bound to this proposal, and satisfy the endorsement policy. */
    ENDORSEMENTS("endorsements"),
    /** Enough member orgs attest the block's validation flags, identically, with valid signatures. */
    VALIDITY_ATTESTATIONS("validity-attestations"),
    /** The attested validation code of the transaction is the one the bundle claims. */
    OUTCOME("outcome"),
    /** The event entries and writes decoded from the envelope are the effects the bundle claims. */
    EFFECTS("effects");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    /** The name printed in the report and asserted by tests. */
    public String label() {
        return label;
    }
}
