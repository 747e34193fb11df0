package io.ledgernode.chaos.workload;

import io.ledgernode.chaos.Pause;
import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Event;
import io.ledgernode.chaos.history.History;
import io.ledgernode.chaos.history.Op;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Requests;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The bank: clients of every org's node move money between a fixed set of accounts of one asset, over REST and gRPC
 * alternately, with transfers, batches and holds placed then captured; a share of the credits goes to one hot
 * account, and a few transfers ask for more than the sender has (to be refused). Every request and every attempt is
 * in the history. A client that gets no settled answer sends the same request under the same key again, as the
 * README tells wallet apps to, until it is settled or {@code retryFor} has passed.
 */
public final class Workload {

    /** Holds expire long after the run: the same instant in every attempt, so a retry is the same request. */
    static final Instant HOLD_EXPIRY = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);

    /** How the bank is shaped and how patient its clients are. */
    public record Shape(int clientsPerNode, int accountsPerOrg, double hotShare, long openingBalance,
            Duration requestTimeout, Duration retryFor) {
    }

    /** Requests so far by how they were settled; read by the progress line. */
    public record Counts(long requests, long ok, long refused, long unresolved, long retries) {
    }

    private static final String ISSUER = "ledger-node-dev";
    /** Under the node's longest token lifetime (auth.token-lifetime-max, PT1H): runs are limited to 45 minutes. */
    private static final Duration TOKEN_TTL = Duration.ofMinutes(55);
    private static final String AUDIENCE = "ledger-node";

    private final List<Node> nodes;
    private final Path devAuthDir;
    private final Shape shape;
    private final long seed;
    private final String runId;
    private final History history;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unresolved = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private Event.Setup setup;

    public Workload(List<Node> nodes, Path devAuthDir, Shape shape, long seed, String runId, History history) {
        this.nodes = List.copyOf(nodes);
        this.devAuthDir = devAuthDir;
        this.shape = shape;
        this.seed = seed;
        this.runId = runId;
        this.history = history;
    }

    /**
     * Registers the asset, opens the accounts (each through its custodian org's node) and mints the opening
     * balances, each write retried until it is committed: the bank exists before any fault.
     */
    public Event.Setup setUp() {
        String code = ("CH" + runId.toUpperCase(java.util.Locale.ROOT)).replaceAll("[^A-Z0-9]", "");
        String asset = code.substring(0, Math.min(12, code.length()));
        Node issuerNode = nodes.get(0);
        Map<String, String> custodians = new LinkedHashMap<>();
        String hot = runId + "-hot";
        try (RestBank issuer = new RestBank(issuerNode.rest(), token(issuerNode, "setup-issuer", Role.ISSUER), asset,
                shape.requestTimeout())) {
            settle(() -> issuer.post("/v1/assets", new AssetBody(asset, 2), runId + "-asset"), "registering " + asset);
            for (Node node : nodes) {
                try (RestBank operator = new RestBank(node.rest(), token(node, "setup-operator", Role.OPERATOR), asset,
                        shape.requestTimeout())) {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < shape.accountsPerOrg(); i++) {
                        ids.add(runId + "-" + node.org().toLowerCase(java.util.Locale.ROOT) + "-" + i);
                    }
                    if (node == issuerNode) {
                        ids.add(hot);
                    }
                    for (String id : ids) {
                        settle(() -> operator.post("/v1/accounts", new AccountBody(id, asset, "chaos-" + id, "DE"),
                                "open-" + id), "opening " + id);
                        custodians.put(id, node.mspId());
                    }
                }
            }
            long minted = 0;
            for (String id : custodians.keySet()) {
                if (id.equals(hot)) {
                    continue;
                }
                settle(() -> issuer.post("/v1/mint", new MintBody(id, Long.toString(shape.openingBalance())),
                        "mint-" + id), "minting into " + id);
                minted += shape.openingBalance();
            }
            setup = new Event.Setup(asset, custodians, hot, minted);
        }
        history.record(setup);
        return setup;
    }

    record AssetBody(String code, int decimals) {
    }

    record AccountBody(String id, String asset, String ownerRef, String jurisdiction) {
    }

    record MintBody(String account, String amount) {
    }

    private static void settle(Supplier<Answer> write, String what) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Answer answer;
        do {
            answer = write.get();
            if (answer instanceof Answer.Ok) {
                return;
            }
            if (answer instanceof Answer.Refused refused) {
                throw new IllegalStateException(what + " was refused: " + refused.code());
            }
            Pause.of(Duration.ofMillis(500));
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException(what + " did not commit within 2 minutes: " + answer);
    }

    /** Runs the clients until {@link #stop()}; each finishes (settles or gives up on) the request it is on. */
    public List<Thread> start() {
        if (setup == null) {
            throw new IllegalStateException("set the bank up first");
        }
        List<Thread> threads = new ArrayList<>();
        int index = 0;
        for (Node node : nodes) {
            List<String> own = setup.custodians().entrySet().stream()
                    .filter(e -> e.getValue().equals(node.mspId()) && !e.getKey().equals(setup.hotAccount()))
                    .map(Map.Entry::getKey).toList();
            for (int c = 0; c < shape.clientsPerNode(); c++, index++) {
                String client = node.org() + "-c" + c;
                // Half of each node's clients speak REST, half gRPC.
                boolean grpc = c % 2 == 1;
                Caller caller = caller(node, "client-" + c);
                String token = token(caller);
                BankApi api = grpc ? new GrpcBank(node.grpcHost(), node.grpcPort(), token, setup.asset(), shape.requestTimeout())
                        : new RestBank(node.rest(), token, setup.asset(), shape.requestTimeout());
                Random random = new Random(seed * 1_000_003L + index);
                Thread thread = Thread.ofPlatform().name("chaos-" + client).start(() -> {
                    try (api) {
                        runClient(client, node, caller, api, own, random);
                    }
                });
                threads.add(thread);
            }
        }
        return threads;
    }

    public void stop() {
        stopping.set(true);
    }

    public Counts counts() {
        return new Counts(requests.get(), ok.get(), refused.get(), unresolved.get(), retries.get());
    }

    private void runClient(String client, Node node, Caller caller, BankApi api, List<String> own, Random random) {
        List<String> everyone = new ArrayList<>(setup.custodians().keySet());
        long n = 0;
        while (!stopping.get()) {
            String from = own.get(random.nextInt(own.size()));
            int dice = random.nextInt(100);
            String prefix = runId + "-" + client + "-" + (n++);
            if (dice < 60) {
                request(client, node, caller, api, prefix, new Op.Transfer(from, destination(random, everyone, from), amount(random)));
            } else if (dice < 75) {
                List<Op.Transfer> legs = new ArrayList<>();
                for (int i = 0; i < 2 + random.nextInt(2); i++) {
                    String legFrom = own.get(random.nextInt(own.size()));
                    legs.add(new Op.Transfer(legFrom, destination(random, everyone, legFrom), 1 + random.nextInt(50)));
                }
                request(client, node, caller, api, prefix, new Op.Batch(legs));
            } else {
                String holdId = prefix + "-h";
                long amount = 10 + random.nextInt(90);
                String payee = destination(random, everyone, from);
                Answer placed = request(client, node, caller, api, prefix, new Op.PlaceHold(holdId, from, amount, payee));
                if (placed instanceof Answer.Ok) {
                    request(client, node, caller, api, prefix + "-cap",
                            new Op.CaptureHold(holdId, from, payee, 1 + random.nextInt((int) amount)));
                }
            }
        }
    }

    /** A credit: the hot account for {@code hotShare} of them, otherwise any account but the sender. */
    private String destination(Random random, List<String> everyone, String from) {
        if (random.nextDouble() < shape.hotShare()) {
            return setup.hotAccount();
        }
        String to;
        do {
            to = everyone.get(random.nextInt(everyone.size()));
        } while (to.equals(from));
        return to;
    }

    /** Mostly small amounts; one in fifty more than any account holds, which the chaincode must refuse. */
    private long amount(Random random) {
        return random.nextInt(50) == 0 ? shape.openingBalance() * 1_000 : 1 + random.nextInt(50);
    }

    /** One request: attempts under one key until settled or {@code retryFor} is spent; the last answer is returned. */
    private Answer request(String client, Node node, Caller caller, BankApi api, String key, Op op) {
        requests.incrementAndGet();
        history.record(new Event.Request(key, Requests.scopedKey(key, caller), client, node.mspId(), api.transport(), op));
        Instant giveUp = Instant.now().plus(shape.retryFor());
        Duration pause = Duration.ofMillis(250);
        for (int attempt = 1; ; attempt++) {
            Instant start = Instant.now();
            Answer answer = api.send(op, key);
            history.record(new Event.Attempt(key, attempt, start, Instant.now(), answer));
            if (answer.settled()) {
                (answer instanceof Answer.Ok ? ok : refused).incrementAndGet();
                return answer;
            }
            if (Instant.now().isAfter(giveUp)) {
                unresolved.incrementAndGet();
                return answer;
            }
            retries.incrementAndGet();
            Pause.of(pause);
            pause = java.util.Collections.min(List.of(pause.multipliedBy(2), Duration.ofSeconds(2)));
        }
    }

    private Caller caller(Node node, String who) {
        return new Caller("chaos-" + runId + "-" + node.org().toLowerCase(java.util.Locale.ROOT) + "-" + who, ISSUER,
                Set.of(Role.OPERATOR), Set.of(), Optional.empty(), Optional.empty(), Instant.now().plus(TOKEN_TTL));
    }

    private String token(Node node, String who, Role role) {
        Caller caller = caller(node, who);
        return DevTokens.mint(devAuthDir, ISSUER, AUDIENCE, caller.subject(), Set.of(role), Set.of(), Optional.empty(),
                TOKEN_TTL, Clock.systemUTC());
    }

    private String token(Caller caller) {
        return DevTokens.mint(devAuthDir, ISSUER, AUDIENCE, caller.subject(), caller.roles(), caller.accounts(),
                caller.jurisdiction(), TOKEN_TTL, Clock.systemUTC());
    }
}
