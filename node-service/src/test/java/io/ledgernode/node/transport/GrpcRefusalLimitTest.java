package io.ledgernode.node.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.ledgernode.node.grpc.v1.GetSupplyRequest;
import io.ledgernode.node.grpc.v1.LedgerGrpc;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: requests with bad or no tokens were never rate-limited. On gRPC as on REST, an address that has spent its
 * budget of refused calls gets RESOURCE_EXHAUSTED (RATE_LIMITED) before its token is looked at, good token or not.
 */
class GrpcRefusalLimitTest {

    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static OfflineNode node;

    @BeforeAll
    static void start() {
        // A budget of 5 refusals that refills once a minute: the test spends it at once.
        node = OfflineNode.start(Map.of("node.rate-limit.refusal-burst", "5", "node.rate-limit.refusals-per-second", "0.016"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    @Test
    void an_address_past_its_refusal_budget_is_rate_limited_even_with_a_good_token() {
        for (int i = 0; i < 5; i++) {
            assertThat(call(LedgerGrpc.newBlockingStub(node.channel)).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }

        Metadata token = new Metadata();
        token.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + node.walletToken("alice"));
        StatusRuntimeException limited = call(LedgerGrpc.newBlockingStub(node.channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token)));

        assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(limited.getTrailers().get(ERROR_CODE)).isEqualTo("RATE_LIMITED");
    }

    private static StatusRuntimeException call(LedgerGrpc.LedgerBlockingStub stub) {
        return catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).getSupply(GetSupplyRequest.getDefaultInstance()));
    }
}
