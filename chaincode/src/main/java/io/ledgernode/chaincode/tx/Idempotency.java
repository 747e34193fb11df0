package io.ledgernode.chaincode.tx;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.money.MoneyOutcome;
import io.ledgernode.chaincode.state.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Exactly-once money requests. The key is scoped by the caller's MSP; the request hash is SHA-256 of the transaction
 * name and the request's canonical JSON, so the same key for the same request is {@link ErrorCode#REPLAYED}, naming
 * the original transaction and result (the replay is never endorsed, so it never becomes a transaction of its own and
 * moves nothing), while the same key for another request, or another transaction, is {@link
 * ErrorCode#IDEMPOTENCY_CONFLICT}. A record written before records named their transaction replays as it did then: the
 * original result, in a transaction that writes nothing.
 */
public final class Idempotency {
    private Idempotency() {}

    /** The original result of this request if it ran before, else the body's result, recorded. */
    public static String run(final Tx tx, final String transaction, final String idempotencyKey,
            final Object request, final Supplier<Object> body) {
        final String key = recordKey(tx, idempotencyKey);
        final String hash = requestHash(transaction, request);
        final Optional<IdempotencyRecord> previous = tx.state().read(key, IdempotencyRecord.class);
        if (previous.isPresent()) {
            if (!previous.get().requestSha256().equals(hash)) {
                throw new LedgerException(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency key " + idempotencyKey
                        + " of " + tx.caller().mspId() + " was already used for a different request");
            }
            final Optional<String> original = previous.get().txId();
            if (original.isPresent()) {
                throw new LedgerException(ErrorCode.REPLAYED,
                        LedgerJson.writeString(IdempotentReplay.of(original.get(), previous.get().result())));
            }
            return previous.get().result();
        }
        final String result = LedgerJson.writeString(body.get());
        tx.state().write(key, new IdempotencyRecord(hash, result, tx.txId()));
        return result;
    }

    /** Where the caller's org records the request it sent with {@code idempotencyKey}. */
    public static String recordKey(final Tx tx, final String idempotencyKey) {
        return Keys.idempotency(tx.caller().mspId(), idempotencyKey);
    }

    /**
     * What the caller's org recorded under {@code idempotencyKey}: {@code found}, the key, the original result and the
     * transaction that applied it.
     */
    public static MoneyOutcome outcome(final Tx tx, final String idempotencyKey) {
        final Optional<IdempotencyRecord> record = tx.state().read(recordKey(tx, idempotencyKey),
                IdempotencyRecord.class);
        return MoneyOutcome.of(idempotencyKey, record.map(IdempotencyRecord::result),
                record.flatMap(IdempotencyRecord::txId));
    }

    /** Hex SHA-256 of {@code transaction + "\n" + canonical JSON of the request}. */
    static String requestHash(final String transaction, final Object request) {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        digest.update(transaction.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        final byte[] hash = digest.digest(LedgerJson.write(request));
        final StringBuilder hex = new StringBuilder(hash.length * 2);
        for (final byte b : hash) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
