package io.ledgernode.node.chain;

import com.fasterxml.jackson.databind.util.RawValue;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.AuthException;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to every write: 200 with tx id, outcome and block when committed VALID; 202 when pending. */
public final class WriteResponses {

    private WriteResponses() {
    }

    /** A write with a JSON body, given the verified caller, the request's Idempotency-Key header and the body read once. */
    @FunctionalInterface
    public interface BodyWrite {
        WriteResult apply(Caller caller, String idempotencyKey, Json.Body body);
    }

    /** A write that takes no body, given the verified caller and the request's Idempotency-Key header. */
    @FunctionalInterface
    public interface BodilessWrite {
        WriteResult apply(Caller caller, String idempotencyKey);
    }

    /** A write of a request record built from the body, given the verified caller and the Idempotency-Key header. */
    @FunctionalInterface
    public interface RecordWrite<R> {
        WriteResult apply(Caller caller, String idempotencyKey, WriteRequest<R> request);
    }

    /**
     * Answers a write whose JSON body is the request record {@code type}, the caller-scoped idempotency key added to it
     * (a body naming the key itself is refused: it goes in the header).
     */
    public static <R> void send(Requests requests, ServerRequest request, ServerResponse response, Class<R> type, RecordWrite<R> write)
            throws AuthException {
        send(requests, request, response, (caller, idempotencyKey, body) -> write.apply(caller, idempotencyKey,
                key -> body.as(type, Json.idempotencyKey(key))));
    }

    /** Answers a write with a JSON body: the caller is verified first, then the body read, then {@code write} done. */
    public static void send(Requests requests, ServerRequest request, ServerResponse response, BodyWrite write) throws AuthException {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        send(response, write.apply(caller, Requests.idempotencyKeyHeader(request), body));
    }

    /** Answers a write that takes no body: the caller is verified first, then a body refused, then {@code write} done. */
    public static void send(Requests requests, ServerRequest request, ServerResponse response, BodilessWrite write) throws AuthException {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        send(response, write.apply(caller, Requests.idempotencyKeyHeader(request)));
    }

    public static void send(ServerResponse response, WriteResult result) {
        LedgerWriter.Written written = result.written();
        String idempotencyKey = result.idempotencyKey();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("txId", written.txId());
        body.put("idempotencyKey", idempotencyKey);
        switch (written) {
            case LedgerWriter.Written.Done done -> {
                body.put("status", "COMMITTED");
                body.put("validationCode", "VALID");
                // Negative when the chain has it but the mirror has not taken its block in yet.
                body.put("blockNumber", done.blockNumber() < 0 ? null : done.blockNumber());
                // The chaincode's JSON as it wrote it: no second encoding between the ledger and the caller.
                body.put("result", new RawValue(done.resultJson()));
                Json.send(response, Status.OK_200, body);
            }
            case LedgerWriter.Written.Pending pending -> {
                body.put("status", "PENDING");
                body.put("message", "sent to the ledger; its commit status has not arrived yet. Ask GET /v1/writes/{Idempotency-Key} for the "
                        + "final outcome, or resubmit with the same Idempotency-Key: it is never applied twice");
                Json.send(response, Status.ACCEPTED_202, body);
            }
        }
    }
}
