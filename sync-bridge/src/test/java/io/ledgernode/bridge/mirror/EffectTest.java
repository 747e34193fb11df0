package io.ledgernode.bridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.money.EntryKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectTest {

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
                Effect effect = Effect.of(kind, 7);
                holdings += effect.balance() + effect.held();
                supply += effect.supply();
            }
            assertThat(holdings).as(kinds.toString()).isEqualTo(supply);
        }
    }

    @Test
    void a_hold_moves_money_from_the_balance_into_the_held_amount_and_back() {
        assertThat(Effect.of(EntryKind.HOLD, 5)).isEqualTo(new Effect(-5, 5, 0));
        assertThat(Effect.of(EntryKind.HOLD_RELEASE, 5)).isEqualTo(new Effect(5, -5, 0));
        assertThat(Effect.of(EntryKind.HOLD_CAPTURE, 5)).isEqualTo(new Effect(0, -5, 0));
    }

    @Test
    void only_mint_and_burn_change_supply() {
        assertThat(Effect.of(EntryKind.MINT, 3).supply()).isEqualTo(3);
        assertThat(Effect.of(EntryKind.BURN, 3).supply()).isEqualTo(-3);
        assertThat(Effect.of(EntryKind.CREDIT, 3).supply()).isZero();
        assertThat(Effect.of(EntryKind.DEBIT, 3).supply()).isZero();
    }
}
