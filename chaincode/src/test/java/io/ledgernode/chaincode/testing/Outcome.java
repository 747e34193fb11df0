package io.ledgernode.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.ErrorPayload;
import io.ledgernode.api.LedgerJson;
import java.util.List;
import java.util.Map;

/** What one transaction answered, which events it set, and (if committed) how validation went. */
public final class Outcome {
    private final boolean success;
    private final String message;
    private final byte[] payload;
    private final FakeStub stub;
    private final FakeLedger.Validation validation;

    Outcome(final boolean success, final String message, final byte[] payload, final FakeStub stub,
            final FakeLedger.Validation validation) {
        this.success = success;
        this.message = message;
        this.payload = payload == null ? new byte[0] : payload.clone();
        this.stub = stub;
        this.validation = validation;
    }

    public boolean success() {
        return success;
    }

    /** The error message ({@code CODE: text}), or null on success. */
    public String message() {
        return message;
    }

    /** The result JSON on success, the error payload on rejection. */
    public String payload() {
        return new String(payload, UTF_8);
    }

    /** The result parsed as a type (success only). */
    public <T> T result(final Class<T> type) {
        if (!success) {
            throw new AssertionError("transaction was rejected: " + message);
        }
        return LedgerJson.read(payload, type);
    }

    /** The error code of a rejection, read from the payload (and checked against the message). */
    public ErrorCode code() {
        if (success) {
            throw new AssertionError("transaction succeeded: " + payload());
        }
        final ErrorPayload error = LedgerJson.read(payload, ErrorPayload.class);
        if (!message.equals(error.code() + ": " + error.message())) {
            throw new AssertionError("message " + message + " does not match payload " + payload());
        }
        return error.code();
    }

    public List<Map.Entry<String, byte[]>> events() {
        return stub == null ? List.of() : stub.events();
    }

    /** The stub of the transaction (null if it was rejected before the contract ran). */
    public FakeStub stub() {
        return stub;
    }

    /** Validation at commit, or null if not committed. */
    public FakeLedger.Validation validation() {
        return validation;
    }
}
