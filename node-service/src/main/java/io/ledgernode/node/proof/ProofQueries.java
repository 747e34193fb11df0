package io.ledgernode.node.proof;

import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.api.Require;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;
import java.util.OptionalLong;

/**
 * Proof bundles and this node's validity attestations, whatever the transport. Auditors and regulators may have the
 * proof of any transaction of the channel; a wallet only of transactions touching its own accounts (any other is
 * "not found"). Attestations carry only hashes and flags, so any member org's node may ask for them.
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

    private final Bundles bundles;
    private final Attester attester;
    private final MirrorReader mirror;

    public ProofQueries(Bundles bundles, Attester attester, MirrorReader mirror) {
        this.bundles = bundles;
        this.attester = attester;
        this.mirror = mirror;
    }

    /** Wires the builder: the end block, when given, is the block the auditor already trusts. */
    public static Bundles of(ProofBuilder builder) {
        return (txId, endBlock) -> endBlock.isPresent() ? builder.build(txId, endBlock.getAsLong()) : builder.build(txId);
    }

    public ProofBundle proof(Caller caller, String txId, OptionalLong endBlock) {
        Requests.requireRole(caller, Role.AUDITOR, Role.REGULATOR, Role.WALLET);
        Require.txId("txId", txId);
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.REGULATOR)) {
            boolean own = mirror.entriesOf(txId).rows().stream().anyMatch(e -> caller.accounts().contains((String) e.get("accountId")));
            if (!own) {
                throw ApiException.notFound("transaction " + ApiErrors.quoted(txId));
            }
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
