package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import org.hyperledger.fabric.client.EndorseException;
import org.junit.jupiter.api.Test;

class EndorseRetryTest {

    private static EndorseException failure(Status status) {
        return new EndorseException("tx1", status.asRuntimeException());
    }

    @Test
    void peers_that_disagree_or_are_not_ready_are_worth_another_attempt() {
        assertThat(EndorseRetry.isTransient(failure(Status.ABORTED.withDescription("failed to collect enough transaction endorsements")), "Org1MSP")).isTrue();
        assertThat(EndorseRetry.isTransient(failure(Status.UNAVAILABLE.withDescription("no combination of peers can be derived")), "Org1MSP")).isTrue();
        assertThat(EndorseRetry.isTransient(failure(Status.FAILED_PRECONDITION.withDescription(
                "no combination of peers can be derived which satisfy the endorsement policy")), "Org1MSP")).isTrue();
    }

    @Test
    void a_chaincode_rejection_is_final() {
        assertThat(EndorseRetry.isTransient(failure(Status.ABORTED.withDescription(
                "failed to endorse: chaincode response 500, INSUFFICIENT_FUNDS: account a has 1, needs 2")), "Org1MSP")).isFalse();
        assertThat(EndorseRetry.isTransient(failure(Status.PERMISSION_DENIED), "Org1MSP")).isFalse();
        assertThat(EndorseRetry.isTransient(failure(Status.FAILED_PRECONDITION.withDescription("channel not found")), "Org1MSP")).isFalse();
    }

    @Test
    void a_rejection_by_another_orgs_peer_alone_is_a_lagging_peer_worth_another_attempt() {
        assertThat(EndorseRetry.isTransient(rejectedBy("Org2MSP"), "Org1MSP")).isTrue();
    }

    @Test
    void a_rejection_by_this_orgs_own_peer_is_final() {
        assertThat(EndorseRetry.isTransient(rejectedBy("Org1MSP"), "Org1MSP")).isFalse();
        assertThat(EndorseRetry.isTransient(rejectedBy("Org1MSP", "Org2MSP"), "Org1MSP")).isFalse();
    }

    @Test
    void a_refusal_by_another_orgs_lagging_peer_after_the_retries_is_unavailable_not_a_refusal() {
        assertThat(LedgerClient.rejectedOrUnavailable("tx1", rejectedBy("Org2MSP"), "Org1MSP"))
                .isInstanceOf(SubmitOutcome.Unavailable.class);
    }

    @Test
    void a_refusal_by_this_orgs_own_peer_is_the_chaincodes_answer() {
        assertThat(LedgerClient.rejectedOrUnavailable("tx1", rejectedBy("Org1MSP"), "Org1MSP"))
                .isInstanceOfSatisfying(SubmitOutcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(io.ledgernode.api.ErrorCode.UNKNOWN_HOLD));
    }

    /** The gateway's answer when the peers of {@code mspIds} answered UNKNOWN_HOLD. */
    private static EndorseException rejectedBy(String... mspIds) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(Status.Code.ABORTED.value())
                .setMessage("failed to endorse transaction, see attached details for more info");
        for (String mspId : mspIds) {
            status.addDetails(com.google.protobuf.Any.pack(org.hyperledger.fabric.protos.gateway.ErrorDetail.newBuilder()
                    .setMspId(mspId).setAddress("peer0." + mspId + ":7051")
                    .setMessage("chaincode response 500, UNKNOWN_HOLD: no hold h-1").build()));
        }
        return new EndorseException("tx1", io.grpc.protobuf.StatusProto.toStatusRuntimeException(status.build()));
    }

    @Test
    void backoff_doubles_up_to_its_cap() {
        EndorseRetry retry = new EndorseRetry(6, Duration.ofMillis(20), Duration.ofMillis(50));

        assertThat(retry.backoffBefore(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(retry.backoffBefore(3)).isEqualTo(Duration.ofMillis(40));
        assertThat(retry.backoffBefore(4)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void attempts_are_bounded() {
        assertThatThrownBy(() -> new EndorseRetry(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("attemptsMax");
        assertThatThrownBy(() -> new EndorseRetry(21, Duration.ZERO, Duration.ZERO)).hasMessageContaining("attemptsMax");
    }
}
