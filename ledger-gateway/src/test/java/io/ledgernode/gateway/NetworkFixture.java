package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.api.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running test network (started by {@code scripts/ledger test}, located by the {@code ledger.it.home} system
 * property) and connections to it as Org1's user and admin and Org2's user. Names made by a fixture carry a random
 * run id, so tests never collide with state left by an earlier run on the same network.
 */
final class NetworkFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final NetworkProfile profile;
    final LedgerClient org1User;
    final LedgerClient org1Admin;
    final LedgerClient org2User;
    final String runId;

    NetworkFixture() {
        String home = System.getProperty("ledger.it.home", "");
        if (home.isBlank() || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("ledger.it.home is not set to a running network's home; run the integration "
                    + "tests with scripts/ledger test");
        }
        profile = NetworkProfile.ofHome(Path.of(home));
        org1User = new LedgerClient(LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults()));
        org1Admin = new LedgerClient(LedgerConnection.open(profile, "Org1", "Admin", GatewayTimeouts.defaults()));
        org2User = new LedgerClient(LedgerConnection.open(profile, "Org2", "User1", GatewayTimeouts.defaults()));
        runId = Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    /** A name unique to this run, e.g. {@code alice-K3J9QZ}. */
    String id(String base) {
        return base + "-" + runId;
    }

    /** An asset code unique to this run: a letter then the run id, within the chaincode's 3..12 characters. */
    String assetCode(String letter) {
        return (letter + runId.replaceAll("[^A-Z0-9]", "0")).toUpperCase(java.util.Locale.ROOT);
    }

    static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return toJson(map);
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits and asserts the transaction committed valid; returns the chaincode's result. */
    static JsonNode committed(LedgerClient client, String transaction, String argument) {
        SubmitOutcome outcome = client.submit(transaction, argument);
        assertThat(outcome).as("%s(%s) -> %s", transaction, argument, outcome).isInstanceOf(SubmitOutcome.Committed.class);
        String result = ((SubmitOutcome.Committed) outcome).result();
        return result.isEmpty() ? JSON.createObjectNode() : parse(result);
    }

    /** Submits and asserts the chaincode rejected it with {@code code}. */
    static void rejected(LedgerClient client, String transaction, String argument, ErrorCode code) {
        SubmitOutcome outcome = client.submit(transaction, argument);
        assertThat(outcome).as("%s(%s) -> %s", transaction, argument, outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) outcome).code()).isEqualTo(code);
    }

    /** The chaincode's instant form: ISO-8601 UTC with millisecond precision. */
    static String instant(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    long balance(String account) {
        return parse(org1User.evaluate("Accounts:get", account)).path("balance").asLong(-1);
    }

    long supply(String asset) {
        return parse(org1User.evaluate("Assets:supply", asset)).path("supply").asLong(-1);
    }

    /** Registers a fresh asset and opens {@code accounts} for it in Org1's custody, all in this run's names. */
    void registerAsset(String asset) {
        committed(org1User, "Assets:register", json("code", asset, "decimals", 2));
    }

    void openAccount(LedgerClient custodian, String account, String asset) {
        committed(custodian, "Accounts:open", json("id", account, "asset", asset, "ownerRef", "owner-" + account, "jurisdiction", "DE"));
    }

    void mint(String account, long amount) {
        committed(org1User, "Money:mint", json("idempotencyKey", "mint-" + account + "-" + RANDOM.nextInt(1_000_000),
                "account", account, "amount", Long.toString(amount)));
    }

    /**
     * How many requests each peer took from the chaincode so far, by message type ({@code GET_STATE}, {@code
     * WRITE_BATCH_STATE}, ...), summed over the network's peers and every deployed build of the chaincode: the peers'
     * own {@code chaincode_shim_requests_completed} counters, from their operations endpoints (found in the roster).
     */
    Map<String, Long> shimRequests() {
        Map<String, Long> byType = new TreeMap<>();
        HttpClient http = HttpClient.newHttpClient();
        Pattern line = Pattern.compile(
                "chaincode_shim_requests_completed\\{chaincode=\"" + Pattern.quote(profile.chaincode())
                        + "_[^\"]*\",channel=\"" + Pattern.quote(profile.channel())
                        + "\",success=\"true\",type=\"([A-Z_]+)\"} ([0-9.e+]+)");
        for (String row : lines(Path.of(System.getProperty("ledger.it.home"), "network", "roster.tsv"))) {
            String[] columns = row.split("\t");
            if (row.startsWith("#") || columns.length < 5 || !columns[1].equals("peer")) {
                continue;
            }
            String metrics = columns[4].replaceFirst("^http ", "").replaceFirst("/healthz$", "/metrics");
            String body;
            try {
                body = http.send(HttpRequest.newBuilder(URI.create(metrics)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Matcher m = line.matcher(body);
            while (m.find()) {
                byType.merge(m.group(1), (long) Double.parseDouble(m.group(2)), Long::sum);
            }
        }
        return byType;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        org1User.connection().close();
        org1Admin.connection().close();
        org2User.connection().close();
    }
}
