package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a REST body is read once and bound to its ledger-api request with the service's fields added, and every
 * body (good or bad) comes out exactly as it did when the body went JSON tree, the key written into the tree, text,
 * then the request type: the same request JSON to the chain, or the same refusal with the same code and message.
 */
class JsonBodyTest {

    private static final String KEY = "0123456789abcdef:k1";
    private static final ObjectMapper TREE_READER = LedgerJson.newMapper();

    private static final List<String> TRANSFERS = List.of(
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"10\"}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"10\",\"reference\":\"rent \\u00e9 \\\"x\\\"\"}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"0\",\"colour\":\"red\"}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"0\",\"reference\":null,\"colour\":\"red\"}",
            "{\"colour\":\"red\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"}",
            "{\"from\":\"-alice\",\"to\":\"bob\",\"asset\":\"usd\",\"amount\":\"1e3\"}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":true}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":5}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":1.5}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"99999999999999999999\"}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":" + "9".repeat(100) + "}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\",\"reference\":\"" + "r".repeat(5_000) + "\"}",
            "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\",\"reference\":\"" + "r".repeat(141) + "\"}",
            "{\"from\":" + "[".repeat(40) + "]".repeat(40) + "}",
            "{\"from\":{\"a\":[1,2,{\"b\":null}]},\"to\":\"bob\"}",
            "{\"from\":\"alice\",\"from\":\"bob\"}",
            "{\"from\":tru}", "{\"from\":", "[]", "\"text\"", "  ", "{} {}", "{}x", "{}  ", "{\"a\":1}]",
            "{\"idempotencyKey\":\"mine\",\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"}",
            "{\"from\":null,\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"}", "{}");

    @Test
    void transfers_bind_exactly_as_the_tree_with_the_key_written_in_did() {
        for (String body : TRANSFERS) {
            assertSame(body, TransferRequest.class, new Json.Field[] {Json.idempotencyKey(KEY)});
        }
    }

    @Test
    void every_other_write_binds_exactly_as_before() {
        List<String> batches = List.of("{\"legs\":\"all\"}", "{\"legs\":[1,2]}", "{\"legs\":[]}", "{\"legs\":null}",
                "{\"legs\":[{\"from\":\"a\",\"to\":\"b\",\"asset\":\"USD\",\"amount\":\"1\"},{\"from\":\"a\",\"to\":\"b\",\"asset\":\"USD\",\"amount\":\"0\"}]}",
                "{\"legs\":[{\"from\":\"a\",\"to\":\"b\",\"asset\":\"USD\",\"amount\":\"1\",\"x\":1}]}");
        batches.forEach(body -> assertSame(body, TransferBatchRequest.class, new Json.Field[] {Json.idempotencyKey(KEY)}));
        for (String body : List.of("{\"account\":\"alice\",\"amount\":\"5\"}", "{\"account\":[\"alice\"],\"amount\":\"5\"}",
                "{\"account\":\"alice\",\"amount\":5}", "{\"account\":\"alice\",\"amount\":{}}", "{\"account\":\"alice\"}")) {
            assertSame(body, MintRequest.class, new Json.Field[] {Json.idempotencyKey(KEY)});
        }
        for (String body : List.of("{\"code\":\"EUR\",\"decimals\":2}", "{\"code\":\"EUR\",\"decimals\":\"two\"}", "{\"code\":7,\"decimals\":2}",
                "{\"code\":\"EUR\",\"decimals\":1.5}", "{\"code\":\"EUR\",\"decimals\":2.0}", "{\"code\":\"\",\"decimals\":0}",
                "{\"code\":\"EUR\",\"decimals\":99999999999999999999}", "{\"code\":\"EUR\",\"decimals\":null}", "{\"code\":\"EUR\"}")) {
            assertSame(body, RegisterAssetRequest.class, new Json.Field[0]);
        }
        for (String body : List.of("{\"holdId\":\"h1\",\"account\":\"a\",\"amount\":\"5\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}",
                "{\"holdId\":\"h1\",\"account\":\"a\",\"amount\":\"5\",\"expiresAt\":5}",
                "{\"holdId\":\"h1\",\"account\":\"a\",\"amount\":\"5\",\"expiresAt\":\"soon\"}",
                "{\"holdId\":\"h1\",\"account\":\"a\",\"amount\":\"5\",\"expiresAt\":\"2030-01-01T00:00:00Z\",\"payee\":\"\"}")) {
            assertSame(body, PlaceHoldRequest.class, new Json.Field[] {Json.idempotencyKey(KEY)});
        }
        Json.Field hold = new Json.Field("holdId", "h1", "the hold is named by the path, not the body");
        for (String body : List.of("{\"to\":\"bob\",\"amount\":\"1\"}", "{\"to\":\"bob\",\"amount\":[]}", "{\"holdId\":\"h2\",\"to\":\"bob\"}",
                "{\"idempotencyKey\":\"x\",\"holdId\":\"h2\"}", "{\"idempotencyKey\":\"x\",\"to\":\"bob\",\"amount\":\"1\"}")) {
            assertSame(body, CaptureHoldRequest.class, new Json.Field[] {hold, Json.idempotencyKey(KEY)});
        }
        for (String body : List.of("{\"id\":\"a\",\"asset\":\"USD\",\"ownerRef\":\"o-1\",\"jurisdiction\":\"DE\"}",
                "{\"id\":\"a\",\"asset\":\"USD\",\"ownerRef\":1,\"jurisdiction\":\"DE\"}",
                "{\"id\":\"a\",\"asset\":\"USD\",\"ownerRef\":\"o\",\"jurisdiction\":\"DE\",\"idempotencyKey\":\"k\"}")) {
            assertSame(body, OpenAccountRequest.class, new Json.Field[0]);
        }
        Json.Field account = new Json.Field("account", "alice", "the account is named by the path, not the body");
        for (String body : List.of("{\"reason\":\"court order\"}", "{\"reason\":\"court order\",\"until\":\"never\"}", "{\"reason\":42}",
                "{\"account\":\"bob\",\"reason\":\"x\"}", "{}")) {
            assertSame(body, FreezeRequest.class, new Json.Field[] {account});
        }
    }

    private static void assertSame(String body, Class<?> type, Json.Field[] added) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String before = outcome(() -> LedgerJson.writeString(treeThenText(bytes, type, added)));
        String now = outcome(() -> LedgerJson.writeString(Json.read(bytes).as(type, added)));

        assertThat(now).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(before);
    }

    private static String outcome(Supplier<String> binding) {
        try {
            return "sent " + binding.get();
        } catch (ApiException e) {
            return "refused " + e.code() + ": " + e.getMessage();
        } catch (LedgerException e) {
            return "refused " + e.code() + ": " + e.getMessage();
        }
    }

    /** The way a body went before issue 11: JSON tree, the service's fields put into the tree, text, request type. */
    private static Object treeThenText(byte[] bytes, Class<?> type, Json.Field[] added) {
        ObjectNode tree;
        try {
            var node = TREE_READER.readTree(bytes);
            if (!(node instanceof ObjectNode object)) {
                throw ApiException.malformed("the body must be a JSON object");
            }
            tree = object;
        } catch (StreamConstraintsException e) {
            throw ApiException.malformed("the body exceeds the JSON limits: strings up to " + LedgerJson.TOKEN_LENGTH_MAX
                    + " characters, nesting up to " + LedgerJson.NESTING_DEPTH_MAX + " levels, numbers up to 64 digits");
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw ApiException.malformed("malformed JSON" + (location == null || location.getLineNr() < 1 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
        } catch (IOException e) {
            throw ApiException.malformed("unreadable body");
        }
        for (Json.Field field : added) {
            if (tree.has(field.name())) {
                throw ApiException.badRequest(field.refusal());
            }
        }
        for (Json.Field field : added) {
            tree.put(field.name(), field.value());
        }
        return LedgerJson.read(tree.toString(), type);
    }

    /**
     * A body is UTF-8 or refused: overlong forms were decoded ('/' from C0 AF) and committed, UTF-16 and UTF-32 were
     * guessed from the bytes, and an escaped lone surrogate was stored as '?'. Whole characters pass, escaped or not.
     */
    @Test
    void a_body_that_is_not_whole_utf_8_characters_is_refused_and_whole_ones_pass() {
        byte[] prefix = "{\"reference\":\"a".getBytes(StandardCharsets.UTF_8);
        List<byte[]> refused = List.of(withIn(prefix, 0xC0, 0xAF), withIn(prefix, 0xE0, 0x80, 0xAF), withIn(prefix, 0xC0, 0xA2),
                withIn(prefix, 0xED, 0xA0, 0x80),
                "{\"reference\":\"x\"}".getBytes(java.nio.charset.Charset.forName("UTF-16")),
                "{\"reference\":\"x\"}".getBytes(StandardCharsets.UTF_16BE),
                "{\"reference\":\"x\"}".getBytes(java.nio.charset.Charset.forName("UTF-32")),
                "{\"reference\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8),
                "{\"reference\":\"\\udc00\\ud800\"}".getBytes(StandardCharsets.UTF_8),
                "{\"\\ud800\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        for (byte[] body : refused) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.read(body)).as(java.util.HexFormat.of().formatHex(body))
                    .isInstanceOf(ApiException.class);
        }
        for (String body : List.of("{\"reference\":\"\\ud83d\\ude00 caf\u00e9\"}", "{\"reference\":\"\ud83d\ude00 \u20ac\"}")) {
            assertThat(Json.read(body.getBytes(StandardCharsets.UTF_8))).as(body).isNotNull();
        }
    }

    private static byte[] withIn(byte[] prefix, int... bytes) {
        byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + bytes.length + 2);
        for (int i = 0; i < bytes.length; i++) {
            body[prefix.length + i] = (byte) bytes[i];
        }
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }
}
