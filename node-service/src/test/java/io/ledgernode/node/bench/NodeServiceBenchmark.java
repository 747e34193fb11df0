package io.ledgernode.node.bench;

import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints, for the running node: balance reads per second and their latency from the mirror (REST), beside the same
 * reads evaluated on the chaincode through the gateway, in the same run; and transfers per second through the
 * service beside a bare Fabric Gateway client submitting the same kind of transfers. Run with
 * {@code scripts/ledger bench}. It prints figures; it asserts nothing about time.
 */
public final class NodeServiceBenchmark {

    private static final int CLIENTS = 16;
    private static final int READS = 4_000;
    private static final int CALLERS = 256;
    private static final int TRANSFERS_PER_CLIENT = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private NodeServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".ledger/local");
        Properties node = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("network/node.properties"))) {
            node.load(reader);
        }
        String api = node.getProperty("api.url");
        Path keys = Path.of(node.getProperty("auth.devDir"));
        String run = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
        String issuer = token(keys, run, Role.ISSUER);
        String operator = token(keys, run, Role.OPERATOR);
        String asset = "N" + run;
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            accounts.add("nb-" + i + "-" + run);
        }
        String sink = "nb-sink-" + run;
        must(post(api, "/v1/assets", issuer, "a-" + run, "{\"code\":\"" + asset + "\",\"decimals\":2}"));
        for (String id : concat(accounts, sink)) {
            must(post(api, "/v1/accounts", operator, "o-" + id, "{\"id\":\"" + id + "\",\"asset\":\"" + asset
                    + "\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}"));
            must(post(api, "/v1/mint", issuer, "m-" + id, "{\"account\":\"" + id + "\",\"amount\":\"100000000\"}"));
        }
        hotAccounts(api, keys, run, issuer, operator, asset);
        if (args.length > 1 && args[1].equals("hot")) {
            return;
        }
        NetworkProfile profile = NetworkProfile.ofHome(home);
        try (LedgerConnection org1 = LedgerConnection.open(profile, node.getProperty("node.org", "Org1"), "User1", GatewayTimeouts.defaults())) {
            LedgerClient gateway = new LedgerClient(org1);
            // Many callers, as in production: each has its own rate-limit bucket, so the figures are the node's, not
            // one subject's configured limit.
            List<String> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                callers.add(token(keys, run + "-" + c, Role.OPERATOR));
            }
            // Let the mirror take the setup in before reading from it.
            Thread.sleep(1_000);
            report("balance reads, mirror via REST GET /v1/accounts/{id}", measure(READS, i -> {
                must(get(api, "/v1/accounts/" + accounts.get(i % CLIENTS), callers.get(i % CALLERS)));
            }));
            report("balance reads, chaincode Accounts:get via the gateway", measure(READS, i -> {
                gateway.evaluate("Accounts:get", accounts.get(i % CLIENTS));
            }));
            int transfers = CLIENTS * TRANSFERS_PER_CLIENT;
            report("transfers through the service, REST POST /v1/transfers", measure(transfers, i -> {
                must(post(api, "/v1/transfers", callers.get(i % CALLERS), "t-" + run + "-" + i,
                        transfer(accounts.get(i % CLIENTS), sink, asset)));
            }));
            report("transfers through a bare gateway client, Money:transfer", measure(transfers, i -> {
                SubmitOutcome outcome = gateway.submit("Money:transfer", transfer(accounts.get(i % CLIENTS), sink, asset)
                        .replace("{", "{\"idempotencyKey\":\"g-" + run + "-" + i + "\","));
                if (!(outcome instanceof SubmitOutcome.Committed)) {
                    throw new IllegalStateException("not committed: " + outcome);
                }
            }));
        }
    }

    private static final int HOT_CLIENTS = 8;
    private static final int HOT_TRANSFERS_PER_CLIENT = 15;

    /**
     * Issue 16 item 2b: {@value #HOT_CLIENTS} clients each sending {@value #HOT_TRANSFERS_PER_CLIENT} transfers of 1
     * through REST, all from ONE account (a treasury paying out) beside each from its own account, and each from its
     * own account INTO one account beside the same again, back to back: committed transfers per second of each, and the
     * two ratios.
     */
    private static void hotAccounts(String api, Path keys, String run, String issuer, String operator, String asset) throws Exception {
        String hot = "hs-hot-" + run;
        String sink = "hs-sink-" + run;
        List<String> sources = new ArrayList<>();
        List<String> payees = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < HOT_CLIENTS; c++) {
            sources.add("hs-src-" + c + "-" + run);
            payees.add("hs-dst-" + c + "-" + run);
            tokens.add(token(keys, run + "-hot-" + c, Role.OPERATOR));
        }
        List<String> all = new ArrayList<>(sources);
        all.addAll(payees);
        all.add(hot);
        all.add(sink);
        for (String id : all) {
            must(post(api, "/v1/accounts", operator, "o-" + id, "{\"id\":\"" + id + "\",\"asset\":\"" + asset
                    + "\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}"));
            if (!id.startsWith("hs-dst-") && !id.equals(sink)) {
                must(post(api, "/v1/mint", issuer, "m-" + id, "{\"account\":\"" + id + "\",\"amount\":\"100000000\"}"));
            }
        }
        Rate disjoint = hotRun(api, tokens, run + "-d1", c -> transfer(sources.get(c), payees.get(c), asset));
        Rate hotSender = hotRun(api, tokens, run + "-hs", c -> transfer(hot, payees.get(c), asset));
        Rate disjointAgain = hotRun(api, tokens, run + "-d2", c -> transfer(sources.get(c), payees.get(c), asset));
        Rate hotReceiver = hotRun(api, tokens, run + "-hr", c -> transfer(sources.get(c), sink, asset));
        ratio("hot-sender/disjoint", hotSender, disjoint, ">=", 0.50);
        ratio("hot-receiver/disjoint", hotReceiver, disjointAgain, ">=", 0.90);
    }

    /** Committed transfers per second of one run, and how many callers were answered anything but 200. */
    private record Rate(double perSecond, int committed, int refused) {
    }

    private static Rate hotRun(String api, List<String> tokens, String tag, java.util.function.IntFunction<String> body) throws Exception {
        int[] committed = new int[HOT_CLIENTS];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(HOT_CLIENTS)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < HOT_CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < HOT_TRANSFERS_PER_CLIENT; i++) {
                        HttpResponse<String> sent = post(api, "/v1/transfers", tokens.get(client), "h-" + tag + "-" + client + "-" + i,
                                body.apply(client));
                        if (sent.statusCode() == 200) {
                            committed[client]++;
                        } else {
                            System.out.println("  " + tag + ": " + sent.statusCode() + " " + sent.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = Arrays.stream(committed).sum();
        return new Rate(done / seconds, done, HOT_CLIENTS * HOT_TRANSFERS_PER_CLIENT - done);
    }

    private static void ratio(String name, Rate measured, Rate base, String op, double goal) {
        double value = measured.perSecond() / base.perSecond();
        boolean met = op.equals(">=") ? value >= goal : value <= goal;
        System.out.printf(Locale.ROOT, "RATIO %s = %.2f (goal %s %.2f) %s  %s %.1f/s (%d committed, %d refused) vs disjoint senders "
                        + "%.1f/s (%d committed, %d refused), %d clients x %d transfers of 1 via REST%n", name, value, op, goal,
                met ? "MET" : "MISSED", name.substring(0, name.indexOf('/')), measured.perSecond(), measured.committed(), measured.refused(),
                base.perSecond(), base.committed(), base.refused(), HOT_CLIENTS, HOT_TRANSFERS_PER_CLIENT);
    }

    private interface Operation {
        void run(int index) throws Exception;
    }

    /**
     * {@code count} operations by {@link #CLIENTS} concurrent clients, client c taking indexes c, c + CLIENTS, ... (so
     * each client debits only its own account and the clients never conflict): latencies in microseconds, wall time.
     */
    private record Measured(long[] micros, long wallNanos) {
    }

    private static Measured measure(int count, Operation operation) throws Exception {
        long[] micros = new long[count];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                clients.add(pool.submit(() -> {
                    for (int i = first; i < count; i += CLIENTS) {
                        long t = System.nanoTime();
                        operation.run(i);
                        micros[i] = (System.nanoTime() - t) / 1_000;
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        return new Measured(micros, System.nanoTime() - start);
    }

    private static void report(String what, Measured measured) {
        long[] sorted = measured.micros().clone();
        Arrays.sort(sorted);
        double perSecond = sorted.length / (measured.wallNanos() / 1e9);
        System.out.printf("%-60s %6d ops, %8.1f ops/s, p50 %7.2f ms, p99 %7.2f ms (%d clients)%n", what, sorted.length, perSecond,
                sorted[sorted.length / 2] / 1000.0, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0, CLIENTS);
    }

    private static String transfer(String from, String to, String asset) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"asset\":\"" + asset + "\",\"amount\":\"1\"}";
    }

    private static String token(Path keys, String run, Role role) {
        return DevTokens.mint(keys, "ledger-node-dev", "ledger-node", "bench-" + run, Set.of(role), Set.of(), Optional.empty(),
                Duration.ofMinutes(30), Clock.systemUTC());
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static HttpResponse<String> post(String api, String path, String token, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String api, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void must(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
