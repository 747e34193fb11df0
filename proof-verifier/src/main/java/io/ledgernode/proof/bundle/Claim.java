package io.ledgernode.proof.bundle;

import java.util.Objects;
import java.util.Optional;

/**
 * What the bundle asserts about the transaction: how the peers recorded it (a {@code TxValidationCode} name such as
 * {@code VALID} or {@code MVCC_READ_CONFLICT}) and, for a chaincode transaction, its effects (empty for a config
 * transaction, which has none).
 */
public record Claim(String validationCode, Optional<ClaimedEffects> effects) {
    public Claim {
        Objects.requireNonNull(validationCode, "validationCode");
        Objects.requireNonNull(effects, "effects");
    }
}
