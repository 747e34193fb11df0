package io.ledgernode.bridge.mirror;

import io.ledgernode.api.money.EntryKind;

/**
 * What one entry does to its account's balance and held amount and to its asset's supply, as signed deltas. The
 * single place where entry kinds get their meaning in the mirror; it mirrors the chaincode's own bookkeeping, so
 * supply always equals the sum of balances and held amounts.
 */
record Effect(long balance, long held, long supply) {

    static Effect of(EntryKind kind, long amount) {
        return switch (kind) {
            case MINT -> new Effect(amount, 0, amount);
            case BURN -> new Effect(-amount, 0, -amount);
            case CREDIT -> new Effect(amount, 0, 0);
            case DEBIT -> new Effect(-amount, 0, 0);
            case HOLD -> new Effect(-amount, amount, 0);
            case HOLD_RELEASE -> new Effect(amount, -amount, 0);
            case HOLD_CAPTURE -> new Effect(0, -amount, 0);
        };
    }
}
