package io.ledgernode.chaos.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.ledgernode.chaos.history.Answer;
import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void rest_answers_are_settled_only_by_a_commit_or_a_refusal() {
        assertThat(RestBank.answer(200, "{\"txId\":\"t1\",\"blockNumber\":7}")).isEqualTo(new Answer.Ok("t1", 7));
        assertThat(RestBank.answer(202, "{\"txId\":\"t1\",\"status\":\"PENDING\"}")).isEqualTo(new Answer.Pending("t1"));
        assertThat(RestBank.answer(409, "{\"code\":\"INSUFFICIENT_FUNDS\",\"message\":\"m\"}"))
                .isEqualTo(new Answer.Refused(409, "INSUFFICIENT_FUNDS"));
        assertThat(RestBank.answer(409, "{\"code\":\"TRANSACTION_INVALIDATED\"}")).isInstanceOf(Answer.Unavailable.class);
        assertThat(RestBank.answer(503, "{\"code\":\"LEDGER_UNAVAILABLE\"}")).isInstanceOf(Answer.Unavailable.class);
        assertThat(RestBank.answer(503, "{\"code\":\"WRITE_CONFLICT\"}")).isInstanceOf(Answer.Unavailable.class);
        assertThat(RestBank.answer(429, "{\"code\":\"RATE_LIMITED\"}")).isInstanceOf(Answer.Unavailable.class);
        assertThat(RestBank.answer(502, "<html>bad gateway</html>")).isEqualTo(new Answer.Unavailable(502, "HTTP_502"));
    }

    @Test
    void grpc_answers_use_the_nodes_code_when_it_sent_one() {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER), "UNKNOWN_HOLD");

        assertThat(GrpcBank.answer(Status.NOT_FOUND, trailers)).isEqualTo(new Answer.Refused(400, "UNKNOWN_HOLD"));
        assertThat(GrpcBank.answer(Status.UNAVAILABLE.withDescription("io exception"), new Metadata()))
                .isInstanceOf(Answer.ConnectionError.class);
        assertThat(GrpcBank.answer(Status.DEADLINE_EXCEEDED, null)).isInstanceOf(Answer.Timeout.class);
        assertThat(GrpcBank.answer(Status.RESOURCE_EXHAUSTED, new Metadata())).isInstanceOf(Answer.Unavailable.class);
    }
}
