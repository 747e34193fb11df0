package io.ledgernode.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.event.CreditsConsolidatedEvent;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.event.TransferredEvent;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.TransferLeg;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerEventsTest {

    @Test
    void an_event_writes_type_first_only_by_alphabet_and_parses_back_by_its_name() {
        final TransferredEvent event = TransferredEvent.of("tx1", "2026-11-22T10:15:30.123Z",
                List.of(Entry.of("alice", "USD", EntryKind.DEBIT, Amount.of(5), null),
                        Entry.of("bob", "USD", EntryKind.CREDIT, Amount.of(5), null)),
                "k1", List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(5), null)));
        final byte[] json = LedgerJson.write(event);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).startsWith(
                "{\"entries\":[{\"account\":\"alice\",\"amount\":\"5\",\"asset\":\"USD\",\"holdId\":null,\"kind\":\"DEBIT\"}")
                .contains("\"type\":\"TRANSFERRED\"");
        final LedgerEvent parsed = LedgerEvents.parse("TRANSFERRED", json);
        assertThat(parsed).isInstanceOf(TransferredEvent.class);
        assertThat(LedgerJson.write(parsed)).isEqualTo(json);
    }

    @Test
    void an_event_under_the_wrong_name_or_an_unknown_name_is_rejected() {
        final byte[] json = LedgerJson.write(TransferredEvent.of("tx1", "2026-11-22T10:15:30.123Z", List.of(), "k1",
                List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(5), null))));
        assertThatThrownBy(() -> LedgerEvents.parse("MINTED", json)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> LedgerEvents.parse("NOPE", json)).isInstanceOf(LedgerException.class);
        assertThat(EventType.values()).hasSize(15);
    }

    @Test
    void a_consolidation_event_moves_no_money_and_parses_back_by_its_name() {
        final byte[] json = LedgerJson.write(CreditsConsolidatedEvent.of("tx1", "2026-11-22T10:15:30.123Z",
                "merchant", 64, Amount.of(6400)));
        final LedgerEvent parsed = LedgerEvents.parse("CREDITS_CONSOLIDATED", json);
        assertThat(parsed.entries()).isEmpty();
        assertThat(((CreditsConsolidatedEvent) parsed).credits()).isEqualTo(64);
        assertThat(LedgerJson.write(parsed)).isEqualTo(json);
    }

    @Test
    void a_consolidation_event_with_entries_is_rejected() {
        final String json = "{\"account\":\"merchant\",\"amount\":\"5\",\"credits\":1,\"entries\":[{\"account\":"
                + "\"merchant\",\"amount\":\"5\",\"asset\":\"USD\",\"holdId\":null,\"kind\":\"CREDIT\"}],"
                + "\"timestamp\":\"2026-11-22T10:15:30.123Z\",\"txId\":\"tx1\",\"type\":\"CREDITS_CONSOLIDATED\"}";
        assertThatThrownBy(() -> LedgerEvents.parse("CREDITS_CONSOLIDATED",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isInstanceOf(LedgerException.class);
    }
}
