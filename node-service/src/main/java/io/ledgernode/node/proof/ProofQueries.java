package io.ledgernode.node.proof;

import io.helidon.http.Status;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;
import io.ledgernode.node.scope.Entry;
import io.ledgernode.node.scope.TransactionScope;
import java.util.List;
import java.util.OptionalLong;

/**
 * Proof bundles and this node's validity attestations, whatever the transport. Auditors may have the proof of any
 * transaction of the channel, regulators of those with a leg in their jurisdiction, a wallet of those whose every leg
 * it took part in ({@link TransactionScope#proofAccess}). Attestations carry only hashes and flags, so any member
 * org's node may ask for them.
 */
public final class ProofQueries {

    /** Builds a bundle: to the current height, or to the given end block. */
    @FunctionalInterface
    public interface Bundles {
        ProofBundle build(String txId, OptionalLong endBlock) throws ProofException;
    }

    /** This node's signed statement about a block, as its org's peer holds it. */
    @FunctionalInterface
    public interface Attester {
        Attestation attest(long blockNumber) throws ProofException;
    }

    /** A transaction's entries, in order, with their accounts' jurisdictions (to decide who may have its proof). */
    @FunctionalInterface
    public interface Entries {
        List<Entry> of(String txId);
    }

    /** The stable code of a wallet's request for a bundle naming legs it took no part in (HTTP 403). */
    public static final String PROOF_SCOPE_EXCEEDED = "PROOF_SCOPE_EXCEEDED";

    private final Bundles bundles;
    private final Attester attester;
    private final Entries entries;

    public ProofQueries(Bundles bundles, Attester attester, MirrorReader mirror) {
        this(bundles, attester, txId -> mirror.entriesOf(txId).rows().stream().map(Entry::of).toList());
    }

    public ProofQueries(Bundles bundles, Attester attester, Entries entries) {
        this.bundles = bundles;
        this.attester = attester;
        this.entries = entries;
    }

    /** Wires the builder: the end block, when given, is the block the auditor already trusts. */
    public static Bundles of(ProofBuilder builder) {
        return (txId, endBlock) -> endBlock.isPresent() ? builder.build(txId, endBlock.getAsLong()) : builder.build(txId);
    }

    /**
     * The transaction's proof bundle, for those entitled to every leg it names ({@link TransactionScope#proofAccess}):
     * a transaction outside the caller's scope is "not found"; a wallet that took part in some legs only is refused
     * with {@value #PROOF_SCOPE_EXCEEDED}, since the bundle is the whole signed envelope and cannot be masked.
     */
    public ProofBundle proof(Caller caller, String txId, OptionalLong endBlock) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.WALLET);
        TransactionScope scope = TransactionScope.of(caller, entries.of(txId));
        switch (scope.proofAccess()) {
            case GRANTED -> { }
            case NOT_FOUND -> throw ApiException.notFound("transaction " + txId);
            case SCOPE_EXCEEDED -> throw new ApiException(Status.FORBIDDEN_403, PROOF_SCOPE_EXCEEDED, "transaction " + txId
                    + " has legs between other accounts; its proof bundle is the whole signed transaction and would name"
                    + " them, so it is not given to a wallet. Ask an auditor for the proof.");
        }
        try {
            return bundles.build(txId, endBlock);
        } catch (ProofException e) {
            throw refusal(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    public byte[] attestation(long blockNumber) {
        if (blockNumber < 0) {
            throw ApiException.badRequest("a block number is a non-negative whole number");
        }
        try {
            return AttestationJson.write(attester.attest(blockNumber));
        } catch (ProofException e) {
            throw refusal(e);
        }
    }

    private static ApiException refusal(ProofException e) {
        Status status = switch (e.reason()) {
            case TX_NOT_FOUND, BLOCK_NOT_COMMITTED -> Status.NOT_FOUND_404;
            case CHAIN_TOO_LONG, CONFIG_CHANGED -> Status.UNPROCESSABLE_CONTENT_422;
            case ATTESTATION_UNAVAILABLE, LEDGER_UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
        };
        return new ApiException(status, e.reason().name(), e.getMessage());
    }
}
