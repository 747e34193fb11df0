package io.ledgernode.reconciler.breaks;

import java.util.Objects;

/** What a break is about: an account, an asset, a block, or one transaction of a block. */
public sealed interface Subject {

    /** An account, with its asset and jurisdiction as either side knows them (null when neither does). */
    record Account(String id, String asset, String jurisdiction) implements Subject {
        public Account {
            Objects.requireNonNull(id, "id");
        }
    }

    record Asset(String code) implements Subject {
        public Asset {
            Objects.requireNonNull(code, "code");
        }
    }

    record Block(long number) implements Subject {
    }

    /** The envelope at {@code index} of block {@code block}; {@code txId} as the side that has it names it. */
    record Transaction(long block, int index, String txId) implements Subject {
        public Transaction {
            Objects.requireNonNull(txId, "txId");
        }
    }
}
