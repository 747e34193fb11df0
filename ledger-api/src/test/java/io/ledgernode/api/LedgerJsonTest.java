package io.ledgernode.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.Limits;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.MoneyOutcome;
import io.ledgernode.api.money.TransferRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerJsonTest {

    private static final String TRANSFER =
            "{\"idempotencyKey\":\"k3\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"2500\"";

    @Test
    void reads_a_valid_request_and_writes_it_with_sorted_fields_and_nulls() {
        final TransferRequest request = LedgerJson.read(TRANSFER + ",\"reference\":\"inv-9\"}", TransferRequest.class);
        assertThat(LedgerJson.writeString(request)).isEqualTo("{\"amount\":\"2500\",\"asset\":\"USD\",\"from\":\"alice\","
                + "\"idempotencyKey\":\"k3\",\"reference\":\"inv-9\",\"to\":\"bob\"}");
        final TransferRequest noReference = LedgerJson.read(TRANSFER + "}", TransferRequest.class);
        assertThat(LedgerJson.writeString(noReference)).contains("\"reference\":null");
    }

    @Test
    void the_same_request_in_any_field_order_and_spacing_writes_identical_bytes() {
        final TransferRequest a = LedgerJson.read(TRANSFER + "}", TransferRequest.class);
        final TransferRequest b = LedgerJson.read("{ \"to\" : \"bob\", \"amount\":\"2500\", \"from\":\"alice\","
                + " \"asset\":\"USD\", \"idempotencyKey\":\"k3\" }", TransferRequest.class);
        assertThat(LedgerJson.write(a)).isEqualTo(LedgerJson.write(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        TRANSFER + ",\"extra\":1}",
        TRANSFER + ",\"to\":\"carol\"}",
        TRANSFER + "} {}",
        TRANSFER + "}]",
        "{\"idempotencyKey\":\"k3\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\"}",
        "{\"idempotencyKey\":\"k3\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":2500}",
        "{\"idempotencyKey\":7,\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"}",
        "{\"idempotencyKey\":\"k3\",\"from\":\"al ice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"}",
        "{\"idempotencyKey\":\"k3\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"usd\",\"amount\":\"1\"}",
        "null",
        "",
        "[]",
        "{",
        "{\"idempotencyKey\":\"k3\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\",\"reference\":\"\"}"
    })
    void rejects_unknown_duplicate_trailing_missing_and_mistyped_content_as_INVALID_ARGUMENT(final String json) {
        assertThatThrownBy(() -> LedgerJson.read(json, TransferRequest.class))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void rejects_strings_for_integers_and_fractions_for_integers() {
        for (final String json : new String[] {"{\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":\"10\"}",
            "{\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":10.0}", "{\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":null,"
                    + "\"pageSizeMax\":1}", "{\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":0}"}) {
            assertThatThrownBy(() -> LedgerJson.read(json, ConfigureRequest.class))
                    .as(json)
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }

    @Test
    void rejects_a_batch_without_legs_or_with_a_null_leg() {
        for (final String json : new String[] {"{\"idempotencyKey\":\"k\",\"legs\":[]}",
            "{\"idempotencyKey\":\"k\",\"legs\":[null]}", "{\"idempotencyKey\":\"k\"}"}) {
            assertThatThrownBy(() -> LedgerJson.read(json, TransferBatchRequest.class))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }

    @Test
    void instants_are_normalised_to_milliseconds_and_finer_precision_is_rejected() {
        final PlaceHoldRequest request = LedgerJson.read("{\"idempotencyKey\":\"k\",\"holdId\":\"h\",\"account\":\"a\","
                + "\"amount\":\"1\",\"expiresAt\":\"2026-11-22T10:15:30Z\"}", PlaceHoldRequest.class);
        assertThat(request.expiresAt()).isEqualTo("2026-11-22T10:15:30.000Z");
        assertThatThrownBy(() -> Instants.parse("expiresAt", "2026-11-22T10:15:30.1234Z"))
                .isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> Instants.parse("expiresAt", "2026-11-22T10:15:30+01:00"))
                .isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> Instants.parse("expiresAt", "2026-02-30T10:15:30Z"))
                .isInstanceOf(LedgerException.class);
    }

    @Test
    void records_round_trip_byte_for_byte() {
        final Account account = Account.of("alice", "USD", "cust-7f3a", "DE", "Org1MSP", AccountStatus.ACTIVE,
                Limits.of(Amount.of(100), null), "2026-11-22T10:15:30.123Z");
        final byte[] json = LedgerJson.write(account);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"asset\":\"USD\","
                + "\"custodianMsp\":\"Org1MSP\",\"id\":\"alice\",\"jurisdiction\":\"DE\",\"limits\":{\"dailyDebitMax\":null,"
                + "\"perTransferMax\":\"100\"},\"openedAt\":\"2026-11-22T10:15:30.123Z\",\"ownerRef\":\"cust-7f3a\","
                + "\"status\":\"ACTIVE\"}");
        assertThat(LedgerJson.write(LedgerJson.read(json, Account.class))).isEqualTo(json);
    }

    @Test
    void error_codes_parse_out_of_a_gateway_message() {
        final LedgerException parsed = LedgerException.fromMessage(
                "chaincode response 500, INSUFFICIENT_FUNDS: account alice has 10, needs 20").orElseThrow();
        assertThat(parsed.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(parsed.text()).isEqualTo("account alice has 10, needs 20");
        assertThat(LedgerException.fromMessage("Unexpected error")).isEmpty();
        assertThat(LedgerException.fromMessage("FOO: x, HOLD_EXPIRED: late").orElseThrow().code())
                .isEqualTo(ErrorCode.HOLD_EXPIRED);
        assertThat(LedgerJson.writeString(parsed.payload()))
                .isEqualTo("{\"code\":\"INSUFFICIENT_FUNDS\",\"message\":\"account alice has 10, needs 20\"}");
    }

    @Test
    void the_outcome_of_a_key_has_its_wire_shape_found_or_not() {
        assertThat(LedgerJson.writeString(MoneyOutcome.of("k1", Optional.empty(), Optional.empty())))
                .isEqualTo("{\"found\":false,\"idempotencyKey\":\"k1\",\"result\":null,\"txId\":null}");
        final String found = "{\"found\":true,\"idempotencyKey\":\"k1\",\"result\":\"{\\\"txId\\\":\\\"t1\\\"}\",\"txId\":\"t1\"}";
        assertThat(LedgerJson.writeString(LedgerJson.read(found, MoneyOutcome.class))).isEqualTo(found);
    }

    @Test
    void an_outcome_recorded_before_transactions_were_kept_reads_without_one() {
        final String legacy = "{\"found\":true,\"idempotencyKey\":\"k1\",\"result\":\"{}\"}";
        assertThat(LedgerJson.read(legacy, MoneyOutcome.class).txId()).isEmpty();
    }

    @Test
    void an_administrative_request_without_a_key_reads_and_writes_as_before_keys() {
        final String keyless = "{\"account\":\"alice\",\"reason\":\"court order\"}";
        final FreezeRequest freeze = LedgerJson.read(keyless, FreezeRequest.class);
        assertThat(freeze.idempotencyKey()).isEmpty();
        assertThat(LedgerJson.writeString(freeze)).isEqualTo(keyless);
        final String keyed = "{\"account\":\"alice\",\"idempotencyKey\":\"f-1\",\"reason\":\"court order\"}";
        assertThat(LedgerJson.writeString(LedgerJson.read(keyed, FreezeRequest.class))).isEqualTo(keyed);
        assertThatThrownBy(() -> LedgerJson.read("{\"account\":\"alice\",\"idempotencyKey\":\"no spaces\",\"reason\":\"x\"}",
                FreezeRequest.class)).isInstanceOf(LedgerException.class).hasMessageContaining("idempotencyKey");
    }

    @Test
    void an_account_in_a_batch_cannot_name_a_key_of_its_own() {
        final String batch = "{\"accounts\":[{\"asset\":\"USD\",\"id\":\"a1\",\"idempotencyKey\":\"x\",\"jurisdiction\":\"EU\","
                + "\"ownerRef\":\"o1\"}],\"idempotencyKey\":\"b-1\"}";
        assertThatThrownBy(() -> LedgerJson.read(batch, OpenAccountsRequest.class))
                .isInstanceOf(LedgerException.class).hasMessageContaining("account 1 of 1 names an idempotency key");
    }
}
