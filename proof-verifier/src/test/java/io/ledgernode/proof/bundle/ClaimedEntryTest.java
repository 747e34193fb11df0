package io.ledgernode.proof.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ledgernode.api.Amount;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.event.CreditsConsolidatedEvent;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.junit.jupiter.api.Test;

class ClaimedEntryTest {

    @Test
    void a_credits_consolidation_is_read_as_a_transaction_with_no_balance_effects() {
        ChaincodeEvent event = ChaincodeEvent.newBuilder().setEventName("CREDITS_CONSOLIDATED")
                .setPayload(ByteString.copyFrom(LedgerJson.write(CreditsConsolidatedEvent.of("tx1", "2026-11-22T10:15:30.123Z",
                        "merchant", 500, Amount.of(50_000)))))
                .build();

        assertThat(ClaimedEntry.ofEvent(Optional.of(event))).isEmpty();
    }
}
