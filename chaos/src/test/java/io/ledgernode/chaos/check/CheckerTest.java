package io.ledgernode.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Event;
import io.ledgernode.chaos.history.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class CheckerTest {

    private static final Event.Setup SETUP = new Event.Setup("CHX", Map.of("a", "Org1MSP", "b", "Org2MSP", "hot", "Org1MSP"),
            "hot", 2_000);

    private final List<Event> events = new ArrayList<>(List.of(SETUP));
    private final Map<String, TxValidationCode> codes = new HashMap<>();
    private final Map<String, List<String>> writers = new HashMap<>();
    private final Map<String, Integer> writes = new HashMap<>();

    private void request(String key, Op op, Answer... answers) {
        events.add(new Event.Request(key, "s1:" + key, "Org1-c0", "Org1MSP", "rest", op));
        for (int i = 0; i < answers.length; i++) {
            events.add(new Event.Attempt(key, i + 1, Instant.EPOCH, Instant.EPOCH, answers[i]));
        }
    }

    private void applied(String key, String... txIds) {
        for (String txId : txIds) {
            codes.put(txId, TxValidationCode.VALID);
            writes.put(txId, 4);
            writers.computeIfAbsent("Org1MSP/s1:" + key, k -> new ArrayList<>()).add(txId);
        }
    }

    private Map<String, Boolean> verdicts() {
        ChainScan scan = new ChainScan(10, codes, writers, writes);
        Map<String, Boolean> passed = new HashMap<>();
        Checker.exactlyOnce(Run.of(events), scan).forEach(c -> passed.put(c.name(), c.passed()));
        return passed;
    }

    private static final Op TRANSFER = new Op.Transfer("a", "b", 5);

    @Test
    void an_ok_applied_once_after_a_lost_answer_passes() {
        request("k1", TRANSFER, new Answer.ConnectionError("reset"), new Answer.Ok("tx-replay", 9));
        applied("k1", "tx-first");
        codes.put("tx-replay", TxValidationCode.VALID);
        writes.put("tx-replay", 0);

        assertThat(verdicts()).containsEntry("every ok applied exactly once", true)
                .containsEntry("nothing applied that was not asked once", true);
    }

    @Test
    void an_ok_applied_twice_fails() {
        request("k1", TRANSFER, new Answer.Timeout("20 s"), new Answer.Ok("tx-2", 9));
        applied("k1", "tx-1", "tx-2");

        assertThat(verdicts()).containsEntry("every ok applied exactly once", false)
                .containsEntry("nothing applied that was not asked once", false);
    }

    @Test
    void an_ok_that_the_chain_never_applied_fails() {
        request("k1", TRANSFER, new Answer.Ok("tx-1", 3));

        assertThat(verdicts()).containsEntry("every ok applied exactly once", false);
    }

    @Test
    void an_ok_naming_a_transaction_that_moved_money_for_another_request_fails() {
        request("k1", TRANSFER, new Answer.Ok("tx-other", 3));
        applied("k1", "tx-1");
        codes.put("tx-other", TxValidationCode.VALID);
        writes.put("tx-other", 3);

        assertThat(verdicts()).containsEntry("every ok applied exactly once", false);
    }

    @Test
    void a_refusal_that_moved_money_fails() {
        request("k1", TRANSFER, new Answer.Refused(409, "INSUFFICIENT_FUNDS"));
        applied("k1", "tx-1");

        assertThat(verdicts()).containsEntry("every refusal applied nothing", false);
    }

    @Test
    void an_unresolved_request_may_be_applied_once_but_not_twice() {
        request("once", TRANSFER, new Answer.Pending("tx-1"));
        applied("once", "tx-1");
        assertThat(verdicts()).containsEntry("every unresolved applied at most once", true);

        request("twice", TRANSFER, new Answer.ConnectionError("refused"));
        applied("twice", "tx-2", "tx-3");
        assertThat(verdicts()).containsEntry("every unresolved applied at most once", false);
    }

    @Test
    void a_write_under_a_clients_scope_that_no_request_asked_for_fails() {
        request("k1", TRANSFER, new Answer.Ok("tx-1", 3));
        applied("k1", "tx-1");
        applied("ghost", "tx-9");

        assertThat(verdicts()).containsEntry("nothing applied that was not asked once", false);
    }

    @Test
    void a_capture_refused_after_its_hold_was_acknowledged_fails() {
        request("p", new Op.PlaceHold("h1", "a", 10, "b"), new Answer.Ok("tx-p", 1));
        request("c", new Op.CaptureHold("h1", "a", "b", 5), new Answer.Refused(404, "UNKNOWN_HOLD"));

        assertThat(Checker.capturesOfAcknowledgedHolds(Run.of(events)).passed()).isFalse();
    }

    @Test
    void supply_must_equal_what_was_minted_and_the_sum_of_balances_and_holds() {
        Balances whole = new Balances("Org1 peer", Map.of("a", new Balances.Line(900, 100), "b", new Balances.Line(1_000, 0)), 2_000);
        Balances leaking = new Balances("Org2 peer", Map.of("a", new Balances.Line(900, 100), "b", new Balances.Line(999, 0)), 2_000);

        assertThat(Checker.conservation(SETUP, List.of(whole)).passed()).isTrue();
        assertThat(Checker.conservation(SETUP, List.of(whole, leaking)).passed()).isFalse();
        assertThat(Checker.agreement("same", whole, List.of(leaking)).firstViolation()).startsWith("b:");
    }
}
