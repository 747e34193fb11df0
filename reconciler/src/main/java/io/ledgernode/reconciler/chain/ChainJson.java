package io.ledgernode.reconciler.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the chaincode's listing results. Amounts are canonical decimal strings of minor units; anything else (a
 * missing field, a number where a string belongs, a negative or oversized amount) is refused, since a reconciler
 * that guessed would compare the wrong values.
 */
final class ChainJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AMOUNT = Pattern.compile("0|[1-9][0-9]{0,18}");

    private ChainJson() {
    }

    static AccountPage accountPage(String json) {
        JsonNode root = parse(json);
        List<AccountLine> lines = new ArrayList<>();
        for (JsonNode line : array(root, "accounts")) {
            lines.add(accountLine(line));
        }
        return new AccountPage(lines, text(root, "bookmark"));
    }

    static AccountLine accountLine(String json) {
        return accountLine(parse(json));
    }

    static AssetPage assetPage(String json) {
        JsonNode root = parse(json);
        List<AssetLine> lines = new ArrayList<>();
        for (JsonNode line : array(root, "assets")) {
            JsonNode decimals = field(line, "decimals");
            if (!decimals.isInt()) {
                throw new IllegalStateException("Assets:list: decimals is not an integer: " + decimals);
            }
            lines.add(new AssetLine(text(line, "code"), decimals.intValue(), amount(line, "supply")));
        }
        return new AssetPage(lines, text(root, "bookmark"));
    }

    /** {@code Assets:supply}: {@code {"asset":"USD","supply":"..."}}. */
    static long supply(String json) {
        return amount(parse(json), "supply");
    }

    private static AccountLine accountLine(JsonNode line) {
        JsonNode holds = field(line, "openHolds");
        JsonNode count = field(holds, "count");
        if (!count.isInt()) {
            throw new IllegalStateException("Accounts:list: openHolds.count is not an integer: " + count);
        }
        HoldSummary summary = new HoldSummary(count.intValue(), amount(holds, "sum"), text(holds, "digest"));
        return new AccountLine(text(line, "id"), text(line, "asset"), text(line, "jurisdiction"), text(line, "status"),
                amount(line, "balance"), amount(line, "held"), summary);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the chaincode answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("the chaincode's answer lacks " + name + ": " + node);
        }
        return value;
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new IllegalStateException("the chaincode's " + name + " is not an array");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalStateException("the chaincode's " + name + " is not a string: " + value);
        }
        return value.textValue();
    }

    private static long amount(JsonNode node, String name) {
        String text = text(node, name);
        if (!AMOUNT.matcher(text).matches()) {
            throw new IllegalStateException("the chaincode's " + name + " is not an amount: " + text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the chaincode's " + name + " is beyond 64 bits: " + text, e);
        }
    }
}
