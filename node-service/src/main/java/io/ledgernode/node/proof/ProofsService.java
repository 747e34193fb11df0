package io.ledgernode.node.proof;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Requests;
import io.ledgernode.proof.bundle.BundleWriter;
import io.ledgernode.proof.bundle.ProofBundle;
import java.util.OptionalLong;

/**
 * {@code GET /v1/proofs/{txId}[?endBlock=N]}: the proof bundle of a transaction (docs/proof-bundle.md), one
 * self-contained JSON file; and {@code GET /v1/attestations/{blockNumber}}: this node's signed validity attestation
 * of a block, which other member orgs' nodes put in their bundles (no token: it holds only hashes and flags).
 */
public final class ProofsService extends DomainService<ProofQueries> {

    public ProofsService(Requests requests, ProofQueries proofs) {
        super(requests, proofs);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/proofs/{txId}", this::proof).get("/attestations/{block}", this::attestation);
    }

    private void proof(ServerRequest request, ServerResponse response) throws Exception {
        var caller = requests.caller(request);
        OptionalLong endBlock = Requests.blockNumber("endBlock", Requests.query(request, "endBlock"));
        ProofBundle bundle = domain.proof(caller, request.path().pathParameters().get("txId"), endBlock);
        response.header(HeaderNames.CONTENT_TYPE, BundleWriter.MEDIA_TYPE);
        response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"proof-" + bundle.txId() + ".json\"");
        response.send(BundleWriter.write(bundle));
    }

    private void attestation(ServerRequest request, ServerResponse response) {
        long block;
        try {
            block = Long.parseLong(request.path().pathParameters().get("block"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("a block number is a non-negative whole number");
        }
        response.header(HeaderNames.CONTENT_TYPE, BundleWriter.MEDIA_TYPE);
        response.send(domain.attestation(block));
    }
}
