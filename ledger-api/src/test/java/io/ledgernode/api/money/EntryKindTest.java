package io.ledgernode.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry effects, once for every module that applies them (moved here from sync-bridge's {@code EffectTest}). */
class EntryKindTest {

    @Test
    void the_entries_of_each_kind_of_transaction_keep_supply_equal_to_balances_plus_held() {
        List<List<EntryKind>> transactions = List.of(
                List.of(EntryKind.MINT), List.of(EntryKind.BURN), List.of(EntryKind.DEBIT, EntryKind.CREDIT),
                List.of(EntryKind.HOLD), List.of(EntryKind.HOLD_RELEASE), List.of(EntryKind.HOLD_CAPTURE, EntryKind.CREDIT),
                List.of(EntryKind.HOLD_CAPTURE, EntryKind.CREDIT, EntryKind.HOLD_RELEASE));
        for (List<EntryKind> kinds : transactions) {
            long holdings = 0;
            long supply = 0;
            for (EntryKind kind : kinds) {
                holdings += kind.balanceDelta(7) + kind.heldDelta(7);
                supply += kind.supplyDelta(7);
            }
            assertThat(holdings).as(kinds.toString()).isEqualTo(supply);
        }
    }

    @Test
    void a_hold_moves_money_from_the_balance_into_the_held_amount_and_back() {
        assertThat(deltas(EntryKind.HOLD, 5)).containsExactly(-5, 5, 0);
        assertThat(deltas(EntryKind.HOLD_RELEASE, 5)).containsExactly(5, -5, 0);
        assertThat(deltas(EntryKind.HOLD_CAPTURE, 5)).containsExactly(0, -5, 0);
    }

    @Test
    void only_mint_and_burn_change_supply() {
        assertThat(EntryKind.MINT.supplyDelta(3)).isEqualTo(3);
        assertThat(EntryKind.BURN.supplyDelta(3)).isEqualTo(-3);
        assertThat(EntryKind.CREDIT.supplyDelta(3)).isZero();
        assertThat(EntryKind.DEBIT.supplyDelta(3)).isZero();
    }

    @Test
    void every_sign_is_minus_one_zero_or_one() {
        for (EntryKind kind : EntryKind.values()) {
            assertThat(List.of(kind.balanceSign(), kind.heldSign(), kind.supplySign())).as(kind.name())
                    .allSatisfy(sign -> assertThat(sign).isBetween(-1, 1));
        }
    }

    @Test
    void a_delta_beyond_64_bits_throws_instead_of_wrapping() {
        assertThat(EntryKind.BURN.balanceDelta(Long.MAX_VALUE)).isEqualTo(-Long.MAX_VALUE);
        assertThatThrownBy(() -> EntryKind.BURN.balanceDelta(Long.MIN_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    private static long[] deltas(EntryKind kind, long amount) {
        return new long[] {kind.balanceDelta(amount), kind.heldDelta(amount), kind.supplyDelta(amount)};
    }
}
