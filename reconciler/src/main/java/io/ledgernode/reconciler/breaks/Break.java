package io.ledgernode.reconciler.breaks;

import io.ledgernode.api.listing.HoldSummary;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.reconciler.mirror.OpenHolds;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One difference between chain and mirror, with both sides' values and the block the comparison stands at (for an
 * account or asset: the last block of the state compared; for a block or transaction: that block). Values are written
 * as each side states them: amounts in minor units, hashes in lowercase hex; null where a side has nothing.
 */
public sealed interface Break {

    BreakType type();

    Subject subject();

    long blockNumber();

    /** The chain's value, as text; null when the chain has nothing there. */
    String chainValue();

    /** The mirror's value, as text; null when the mirror has nothing there. */
    String mirrorValue();

    /** One sentence for people: what differs and where. */
    String detail();

    /** The chain has it; the mirror does not. */
    record MissingInMirror(Subject subject, long blockNumber, String chainValue, String detail) implements Break {
        public MissingInMirror {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public BreakType type() {
            return BreakType.MISSING_IN_MIRROR;
        }

        @Override
        public String mirrorValue() {
            return null;
        }
    }

    /** The mirror has it; the chain does not, or has another in its place ({@code chainValue} then says what). */
    record ExtraInMirror(Subject subject, long blockNumber, String chainValue, String mirrorValue, String detail)
            implements Break {
        public ExtraInMirror {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public BreakType type() {
            return BreakType.EXTRA_IN_MIRROR;
        }
    }

    /** An account's balance: the chain's, and the mirror's (its row's, or its entries' sum where that is what differs). */
    record AmountMismatch(Subject.Account subject, long blockNumber, long chainBalance, BigInteger mirrorBalance,
                          String detail) implements Break {
        public AmountMismatch {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(mirrorBalance, "mirrorBalance");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public BreakType type() {
            return BreakType.AMOUNT_MISMATCH;
        }

        @Override
        public String chainValue() {
            return Long.toString(chainBalance);
        }

        @Override
        public String mirrorValue() {
            return mirrorBalance.toString();
        }
    }

    /** An account's held amount and open holds (count, sum, digest) on each side. */
    record HoldMismatch(Subject.Account subject, long blockNumber, long chainHeld, HoldSummary chainHolds,
                        BigInteger mirrorHeld, HoldSummary mirrorHolds, String detail) implements Break {
        public HoldMismatch {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(chainHolds, "chainHolds");
            Objects.requireNonNull(mirrorHeld, "mirrorHeld");
            Objects.requireNonNull(mirrorHolds, "mirrorHolds");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public BreakType type() {
            return BreakType.HOLD_MISMATCH;
        }

        @Override
        public String chainValue() {
            return "held=" + chainHeld + " " + OpenHolds.describe(chainHolds);
        }

        @Override
        public String mirrorValue() {
            return "held=" + mirrorHeld + " " + OpenHolds.describe(mirrorHolds);
        }
    }

    /** A block's {@code field} (header_hash, previous_hash, data_hash or tx_count) on each side. */
    record BlockHashMismatch(long blockNumber, String field, String chainValue, String mirrorValue) implements Break {
        public BlockHashMismatch {
            Objects.requireNonNull(field, "field");
        }

        public static BlockHashMismatch ofHashes(long blockNumber, String field, byte[] chain, byte[] mirror) {
            return new BlockHashMismatch(blockNumber, field, HexFormat.of().formatHex(chain), HexFormat.of().formatHex(mirror));
        }

        @Override
        public BreakType type() {
            return BreakType.BLOCK_HASH_MISMATCH;
        }

        @Override
        public Subject subject() {
            return new Subject.Block(blockNumber);
        }

        @Override
        public String detail() {
            return "block " + blockNumber + ": " + field + " differs";
        }
    }

    /** An asset's supply on chain, and the mirror's figure that differs from it. */
    record SupplyMismatch(Subject.Asset subject, long blockNumber, String chainValue, String mirrorValue, String detail)
            implements Break {
        public SupplyMismatch {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public BreakType type() {
            return BreakType.SUPPLY_MISMATCH;
        }
    }
}
