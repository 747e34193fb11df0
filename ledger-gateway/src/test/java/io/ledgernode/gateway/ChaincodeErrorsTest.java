package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import org.junit.jupiter.api.Test;

class ChaincodeErrorsTest {

    @Test
    void reads_the_code_and_message_out_of_a_peer_wrapped_chaincode_error() {
        var rejection = ChaincodeErrors.parse("chaincode response 500, INSUFFICIENT_FUNDS: account alice has 50, needs 100");

        assertThat(rejection).contains(new ChaincodeErrors.Rejection(ErrorCode.INSUFFICIENT_FUNDS, "account alice has 50, needs 100"));
    }

    @Test
    void skips_capitalised_words_that_are_not_ledger_error_codes() {
        var rejection = ChaincodeErrors.parse("ABORTED: failed to endorse: chaincode response 500, FORBIDDEN: Org2MSP is not the custodian");

        assertThat(rejection).contains(new ChaincodeErrors.Rejection(ErrorCode.FORBIDDEN, "Org2MSP is not the custodian"));
    }

    @Test
    void finds_nothing_in_a_transport_failure() {
        assertThat(ChaincodeErrors.parse("UNAVAILABLE: io exception")).isEmpty();
        assertThat(ChaincodeErrors.parse(null)).isEmpty();
    }
}
