package io.ledgernode.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void every_key_is_exactly_the_composite_key_fabrics_shim_makes_of_the_same_segments() {
        assertThat(Keys.config()).isEqualTo(new CompositeKey(Keys.CONFIG).toString());
        assertThat(Keys.account("alice")).isEqualTo(new CompositeKey(Keys.ACCOUNT, "alice").toString());
        assertThat(Keys.balance("bäcker-ü")).isEqualTo(new CompositeKey(Keys.BALANCE, "bäcker-ü").toString());
        assertThat(Keys.credit("alice", "tx1", 7)).isEqualTo(new CompositeKey(Keys.CREDIT, "alice", "tx1", "000007").toString());
        assertThat(Keys.credit("alice", "tx1", 999_999)).isEqualTo(new CompositeKey(Keys.CREDIT, "alice", "tx1", "999999").toString());
        assertThat(Keys.idempotency("Org1MSP", "pay-1")).isEqualTo(new CompositeKey(Keys.IDEM, "Org1MSP", "pay-1").toString());
        assertThat(Keys.entry("alice", Instant.parse("2026-11-22T10:15:30.123Z"), "tx1", 0)).isEqualTo(
                new CompositeKey(Keys.ENTRY, "alice", "2026-11-22T10:15:30.123000000Z", "tx1", "000000").toString());
        assertThat(Keys.legacyDaily("alice", "2026-11-22")).isEqualTo(new CompositeKey(Keys.DAILY, "alice", "2026-11-22").toString());
        assertThat(Keys.openHold("alice", "h1")).startsWith(Keys.prefix(Keys.OPEN_HOLD, "alice").toString());
    }

    @Test
    void a_segment_holding_fabrics_delimiter_or_its_reserved_code_point_is_refused() {
        assertThatThrownBy(() -> Keys.account("al\u0000ice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.account("alice" + new String(Character.toChars(Character.MAX_CODE_POINT))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.credit("alice", "tx1", 1_000_000)).isInstanceOf(IllegalStateException.class);
    }
}
