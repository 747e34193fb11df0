package io.ledgernode.node.proof;

import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.api.Require;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.scope.Entry;
import io.ledgernode.node.scope.TransactionScope;
import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.BundleWriter;
import io.ledgernode.proof.bundle.ProofBundle;
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

    private final Bundles bundles;
    private final Attester attester;
    private final Entries entries;

    public ProofQueries(Bundles bundles, Attester attester, Mirror mirror) {
        this(bundles, attester, txId -> mirror.read(view -> view.entriesOf(txId)).value().stream().map(Entry::of).toList());
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
     * with {@code PROOF_SCOPE_EXCEEDED}, since the bundle is the whole signed envelope and cannot be masked.
     */
    public ProofBundle proof(Caller caller, String txId, OptionalLong endBlock) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.WALLET);
        Require.txId("txId", txId);
        TransactionScope scope = TransactionScope.of(caller, entries.of(txId));
        switch (scope.proofAccess()) {
            case GRANTED -> { }
            case NOT_FOUND -> throw ApiException.notFound("transaction " + ApiErrors.quoted(txId));
            case SCOPE_EXCEEDED -> throw new ApiException(ApiErrorCode.Service.PROOF_SCOPE_EXCEEDED, "transaction " + ApiErrors.quoted(txId)
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
            return BundleWriter.writeAttestation(attester.attest(blockNumber));
        } catch (ProofException e) {
            throw refusal(e);
        }
    }

    private static ApiException refusal(ProofException e) {
        ApiErrorCode code = switch (e.reason()) {
            case TX_NOT_FOUND -> ApiErrorCode.Service.TX_NOT_FOUND;
            case BLOCK_NOT_COMMITTED -> ApiErrorCode.Service.BLOCK_NOT_COMMITTED;
            case CHAIN_TOO_LONG -> ApiErrorCode.Service.CHAIN_TOO_LONG;
            case CONFIG_CHANGED -> ApiErrorCode.Service.CONFIG_CHANGED;
            case ATTESTATION_UNAVAILABLE -> ApiErrorCode.Service.ATTESTATION_UNAVAILABLE;
            case LEDGER_UNAVAILABLE -> ApiErrorCode.Service.LEDGER_UNAVAILABLE;
        };
        return new ApiException(code, e.getMessage());
    }
}
