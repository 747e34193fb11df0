package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.grpc.v1.LedgerGrpc;
import io.ledgernode.node.grpc.v1.MintRequest;
import io.ledgernode.node.grpc.v1.OpenAccountRequest;
import io.ledgernode.node.grpc.v1.RegisterAssetRequest;
import io.ledgernode.node.grpc.v1.WriteReply;
import io.ledgernode.node.grpc.v1.WriteStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "gRPC that every common client can use": the stock clients of other gRPC stacks against the node on the
 * test network. Python's grpcio (C-core, shared by Python, Ruby, C# and C++) and Go's grpcurl each make a read, a
 * write, a refused call and a WatchTransactions stream; grpcurl also lists the services through reflection and asks
 * health. grpc-java does the same in GrpcWalletIT. The test command installs both clients (ledger.it.clients).
 */
class GrpcClientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROTO = Path.of("src/main/protobuf");
    private static NodeFixture node;
    private static ManagedChannel channel;
    private static Path clients;
    private static String asset;
    private static long mintBlock;

    @BeforeAll
    static void fundAnAccount() {
        node = NodeFixture.locate();
        String dir = System.getProperty("ledger.it.clients", "");
        assertThat(dir).as("ledger.it.clients: where scripts/ledger test installed grpcio and grpcurl").isNotBlank();
        clients = Path.of(dir);
        channel = Grpc.newChannelBuilder(node.grpcAddress, InsecureChannelCredentials.create()).build();
        asset = "I" + node.run;
        var issuer = ledger(node.token(Role.ISSUER));
        var operator = ledger(node.token(Role.OPERATOR));
        assertThat(issuer.registerAsset(RegisterAssetRequest.newBuilder().setIdempotencyKey("a-" + node.run).setCode(asset)
                .setDecimals(0).build()).getStatus()).isEqualTo(WriteStatus.COMMITTED);
        for (String id : List.of(account("py"), account("go"), account("sink"))) {
            operator.openAccount(OpenAccountRequest.newBuilder().setIdempotencyKey("o-" + id).setId(id).setAsset(asset)
                    .setOwnerRef("cust-" + id).setJurisdiction("DE").build());
        }
        for (String id : List.of(account("py"), account("go"))) {
            WriteReply minted = issuer.mint(MintRequest.newBuilder().setIdempotencyKey("m-" + id).setAccount(id).setAmount("100").build());
            assertThat(minted.getStatus()).isEqualTo(WriteStatus.COMMITTED);
            mintBlock = minted.getBlockNumber();
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void python_grpcio_reads_writes_is_refused_without_a_token_and_watches_its_account() throws Exception {
        String me = account("py");
        Run run = run(List.of(clients.resolve("python/bin/python").toString(), Path.of("src/test/resources/clients/ledger_client.py").toString(),
                "--address", node.grpcAddress, "--proto", PROTO.toString(), "--token", wallet(me), "--account", me,
                "--to", account("sink"), "--asset", asset, "--key", "py-" + node.run, "--from-block", "0"));

        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode answers = JSON.readTree(run.out());
        assertThat(answers.path("read").path("balance").asText()).isEqualTo("100");
        assertThat(answers.path("write").path("status").asText()).isEqualTo("COMMITTED");
        assertThat(answers.path("refused").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(answers.path("refused").path("ledger_error_code").asText()).isEqualTo("UNAUTHENTICATED");
        List<String> kinds = new ArrayList<>();
        answers.path("stream").forEach(entry -> kinds.add(entry.path("kind").asText()));
        assertThat(kinds).containsExactly("MINT", "DEBIT");
    }

    @Test
    void go_grpcurl_reads_writes_is_refused_without_a_token_and_watches_its_account() throws Exception {
        String me = account("go");
        String auth = "authorization: Bearer " + wallet(me);

        Run read = grpcurl("-H", auth, "-d", "{\"id\":\"" + me + "\"}", node.grpcAddress, "ledgernode.v1.Ledger/GetAccount");
        assertThat(read.exit()).as(read.toString()).isZero();
        assertThat(JSON.readTree(read.out()).path("balance").asText()).isEqualTo("100");

        Run write = grpcurl("-H", auth, "-d", "{\"idempotency_key\":\"go-" + node.run + "\",\"from\":\"" + me + "\",\"to\":\""
                + account("sink") + "\",\"asset\":\"" + asset + "\",\"amount\":\"1\"}", node.grpcAddress, "ledgernode.v1.Ledger/Transfer");
        assertThat(write.exit()).as(write.toString()).isZero();
        assertThat(JSON.readTree(write.out()).path("status").asText()).isEqualTo("COMMITTED");

        Run refused = grpcurl("-d", "{\"id\":\"" + me + "\"}", node.grpcAddress, "ledgernode.v1.Ledger/GetAccount");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("Code: Unauthenticated").contains("UNAUTHENTICATED");

        // The stream stays open for new entries; grpcurl ends it at -max-time, after printing what came.
        Run watch = grpcurl("-max-time", "8", "-H", auth, "-d", "{\"account_id\":\"" + me + "\",\"from_block\":0}", node.grpcAddress,
                "ledgernode.v1.Ledger/WatchTransactions");
        assertThat(watch.out()).as(watch.toString()).contains("\"kind\": \"MINT\"").contains("\"kind\": \"DEBIT\"");
    }

    @Test
    void go_grpcurl_lists_each_service_once_and_asks_health_through_reflection() throws Exception {
        Run list = grpcurl(node.grpcAddress, "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out().strip().lines().toList())
                .containsExactlyInAnyOrder("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "ledgernode.v1.Ledger");

        Run health = grpcurl(node.grpcAddress, "grpc.health.v1.Health/Check");
        assertThat(health.exit()).as(health.toString()).isZero();
        assertThat(JSON.readTree(health.out()).path("status").asText()).isEqualTo("SERVING");
    }

    private static String account(String who) {
        return "cli-" + who + "-" + node.run;
    }

    private static String wallet(String account) {
        return node.token(Set.of(Role.WALLET), Set.of(account), Optional.empty());
    }

    private static LedgerGrpc.LedgerBlockingStub ledger(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        Channel authorized = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        return LedgerGrpc.newBlockingStub(authorized).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run grpcurl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(clients.resolve("bin/grpcurl").toString(), "-plaintext"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("client", ".out");
        Path err = Files.createTempFile("client", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
