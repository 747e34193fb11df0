package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.ledgernode.gateway.ChannelBlocks;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.BundleWriter;
import io.ledgernode.proof.bundle.ProofBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proofs on the real network (located by {@code ledger.it.home}): a mint, a transfer, a hold and an MVCC-conflicted
 * transfer, each proven with attestations from both member orgs (Org1 signing here, Org2 served over HTTP by a node
 * stand-in reading Org2's own peer), then verified by the auditor's jar ({@code proof-verifier/target/
 * proof-verifier.jar}, built by {@code mvn package}) trusting only the orgs' root CAs. With
 * {@code -Dproof.fixtures.dir=<dir>} the bundles, the roots and the genesis block are also written there (the
 * verifier's test fixtures come from such a run).
 */
class ProofBundleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(2);
    /** Fixture name to transaction id of every transaction proven by this run. */
    private static final Map<String, String> proven = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static Path home;
    private static Path work;
    private static LedgerConnection org1;
    private static LedgerConnection org2;
    private static LedgerClient issuer;
    private static ChannelBlocks org1Blocks;
    private static HttpServer org2Node;
    private static ProofBuilder builder;
    private static AttestationSigner org2Signer;
    private static String run;
    private static String asset;

    @BeforeAll
    static void connect() throws IOException {
        home = Path.of(System.getProperty("ledger.it.home", ""));
        if (!Files.isDirectory(home.resolve("network"))) {
            throw new IllegalStateException("ledger.it.home is not set to a running network's home");
        }
        work = Files.createTempDirectory("proof-it");
        NetworkProfile profile = NetworkProfile.ofHome(home);
        org1 = LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults());
        org2 = LedgerConnection.open(profile, "Org2", "User1", GatewayTimeouts.defaults());
        issuer = new LedgerClient(org1);
        org1Blocks = new ChannelBlocks(org1, Duration.ofSeconds(30));
        AttestationSigner org1Signer = AttestationSigner.fromProfile(org1Blocks, profile.org("Org1").identity("User1"));
        org2Signer = AttestationSigner.fromProfile(new ChannelBlocks(org2, Duration.ofSeconds(30)),
                profile.org("Org2").identity("User1"));
        org2Node = attestationEndpoint(org2Signer);
        URI org2Url = URI.create("http://127.0.0.1:" + org2Node.getAddress().getPort());
        builder = new ProofBuilder(org1Blocks, List.of(new LocalAttestationSource(org1Signer),
                new RemoteAttestationSource("Org2MSP", org2Url, HttpClient.newHttpClient(), Duration.ofSeconds(10), 65_536)),
                new ProofConfig(100_000, Duration.ofSeconds(30), Duration.ofMillis(200), 2));
        run = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
        asset = "P" + run.replaceAll("[^A-Z0-9]", "0");
        committed("Assets:register", json("code", asset, "decimals", 2));
        for (String account : List.of(id("alice"), id("bob"))) {
            committed("Accounts:open", json("id", account, "asset", asset, "ownerRef", "owner-" + account, "jurisdiction", "DE"));
        }
        writeRoots(work.resolve("roots"));
    }

    @AfterAll
    static void disconnect() throws Exception {
        try {
            writeFixtures();
        } finally {
            close();
        }
    }

    private static void close() {
        if (org2Node != null) {
            org2Node.stop(0);
        }
        if (org1 != null) {
            org1.close();
        }
        if (org2 != null) {
            org2.close();
        }
    }

    @Test
    void a_mint_is_proven_in_the_ledger_valid_with_its_entry() throws Exception {
        SubmitOutcome.Committed mint = committed("Money:mint", json("idempotencyKey", id("mint"), "account", id("alice"),
                "amount", "10000"));

        ProofBundle bundle = builder.build(mint.txId());

        assertThat(bundle.claim().validationCode()).isEqualTo("VALID");
        assertThat(bundle.claim().effects().orElseThrow().entries()).hasSize(1);
        assertThat(bundle.attestations()).extracting(Attestation::mspId).containsExactly("Org1MSP", "Org2MSP");
        Verification verified = verify(save("mint", bundle));
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.lines()).allMatch(line -> line.startsWith("PASS "));
        assertThat(verified.line("effects")).contains("MINT 10000 " + asset + " " + id("alice"));
    }

    @Test
    void a_transfer_is_proven_valid_and_anchored_to_a_block_the_auditor_holds() throws Exception {
        committed("Money:mint", json("idempotencyKey", id("mint-t"), "account", id("alice"), "amount", "5000"));
        SubmitOutcome.Committed transfer = committed("Money:transfer", json("idempotencyKey", id("transfer"),
                "from", id("alice"), "to", id("bob"), "asset", asset, "amount", "2500"));
        BlockchainInfo held = org1Blocks.chainInfo();

        ProofBundle bundle = builder.build(transfer.txId(), held.getHeight() - 1);

        Path file = save("transfer", bundle);
        String heldHash = HexFormat.of().formatHex(held.getCurrentBlockHash().toByteArray());
        Verification anchored = verify(file, "--trusted-block", Long.toString(held.getHeight() - 1), "--trusted-block-hash", heldHash);
        assertThat(anchored.exit()).as(anchored.output()).isZero();
        assertThat(anchored.line("header-chain")).contains("to the trusted block " + (held.getHeight() - 1));
        assertThat(anchored.line("effects")).contains("DEBIT 2500", "CREDIT 2500");
        Verification wrongAnchor = verify(file, "--trusted-block", Long.toString(held.getHeight() - 1),
                "--trusted-block-hash", "00".repeat(32));
        assertThat(wrongAnchor.exit()).isEqualTo(1);
        assertThat(wrongAnchor.line("header-chain")).startsWith("FAIL");
    }

    @Test
    void a_placed_hold_is_proven_valid() throws Exception {
        committed("Money:mint", json("idempotencyKey", id("mint-h"), "account", id("alice"), "amount", "3000"));
        SubmitOutcome.Committed hold = committed("Holds:place", json("idempotencyKey", id("hold"), "holdId", id("hold"),
                "account", id("alice"), "amount", "1200", "expiresAt",
                Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString(), "payee", id("bob")));

        Verification verified = verify(save("hold", builder.build(hold.txId())));

        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.line("effects")).contains("HOLD_PLACED", "HOLD 1200");
    }

    @Test
    void an_mvcc_conflicted_transfer_is_proven_recorded_invalid_and_not_valid() throws Exception {
        committed("Money:mint", json("idempotencyKey", id("mint-c"), "account", id("alice"), "amount", "4000"));
        String invalid = conflictedTransfer();

        ProofBundle bundle = builder.build(invalid);

        assertThat(bundle.claim().validationCode()).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(bundle.claim().effects().orElseThrow().applied()).isFalse();
        Path file = save("mvcc-invalid", bundle);
        Verification verified = verify(file);
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.line("outcome")).contains("INVALID (MVCC_READ_CONFLICT)");
        Path claimedValid = work.resolve("mvcc-claimed-valid.json");
        Files.writeString(claimedValid, Files.readString(file)
                .replace("\"validationCode\":\"MVCC_READ_CONFLICT\"", "\"validationCode\":\"VALID\""));
        Verification lie = verify(claimedValid);
        assertThat(lie.exit()).isEqualTo(1);
        assertThat(lie.line("outcome")).startsWith("FAIL outcome: the transaction is recorded INVALID (MVCC_READ_CONFLICT)");
    }

    @Test
    void an_unknown_transaction_has_no_proof() {
        ProofException refused = catchThrowableOfType(ProofException.class, () -> builder.build("00".repeat(32)));

        assertThat(refused.reason()).isEqualTo(ProofException.Reason.TX_NOT_FOUND);
    }

    @Test
    void an_attestation_of_a_block_the_peer_does_not_hold_yet_is_refused_as_not_committed() {
        RemoteAttestationSource org2Source = new RemoteAttestationSource("Org2MSP",
                URI.create("http://127.0.0.1:" + org2Node.getAddress().getPort()), HttpClient.newHttpClient(),
                Duration.ofSeconds(5), 65_536);

        long beyond = org1Blocks.chainInfo().getHeight() + 1000;

        assertThat(catchThrowableOfType(ProofException.class,
                () -> org2Source.attestation(beyond)).reason()).isEqualTo(ProofException.Reason.BLOCK_NOT_COMMITTED);
    }

    /** Two debits of alice endorsed before either is ordered: the second to commit reads a stale balance. */
    private static String conflictedTransfer() throws Exception {
        Contract contract = org1.contract();
        Transaction first = contract.newProposal("Money:transfer").addArguments(json("idempotencyKey", id("race-1"),
                "from", id("alice"), "to", id("bob"), "asset", asset, "amount", "100")).build().endorse();
        Transaction second = contract.newProposal("Money:transfer").addArguments(json("idempotencyKey", id("race-2"),
                "from", id("alice"), "to", id("bob"), "asset", asset, "amount", "200")).build().endorse();
        SubmittedTransaction a = first.submitAsync();
        SubmittedTransaction b = second.submitAsync();
        Status statusA = a.getStatus();
        Status statusB = b.getStatus();
        List<Status> invalid = Stream.of(statusA, statusB).filter(s -> !s.isSuccessful()).toList();
        assertThat(invalid).as("exactly one of two racing debits is invalidated").hasSize(1);
        assertThat(invalid.get(0).getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        return invalid.get(0).getTransactionId();
    }

    private record Verification(int exit, List<String> lines, String output) {
        String line(String check) {
            return lines.stream().filter(l -> l.startsWith("PASS " + check + ":") || l.startsWith("FAIL " + check + ":"))
                    .findFirst().orElse("(no " + check + " line in: " + output + ")");
        }
    }

    /** Runs the auditor's jar, in its own JVM, trusting only the roots written by {@link #writeRoots}. */
    private static Verification verify(Path bundle, String... options) throws Exception {
        Path jar = Path.of(System.getProperty("proof.verifier.jar", "../proof-verifier/target/proof-verifier.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (mvn -pl proof-verifier package)");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString(), bundle.toString(), "--roots", work.resolve("roots").toString()));
        command.addAll(List.of(options));
        // The report is stdout; stderr (usage errors, the JVM's own warnings) is kept apart for failure messages.
        Path errors = Files.createTempFile(work, "verify", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(VERIFY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not finish within " + VERIFY_TIMEOUT);
        }
        return new Verification(process.exitValue(), output.lines().toList(), output + Files.readString(errors));
    }

    private static Path save(String name, ProofBundle bundle) throws IOException {
        Path file = work.resolve(name + ".json");
        Files.write(file, BundleWriter.write(bundle));
        proven.put(name, bundle.txId());
        return file;
    }

    /**
     * With {@code -Dproof.fixtures.dir}: every proven transaction again, now that the chain has grown past them (so
     * the bundles carry headers beyond their block), the orgs' roots, the configuration block, and one attestation Org2
     * signs about the conflicted transfer's block with other flags than its peer recorded (for the verifier's
     * disagreement test: only a real org key can make it).
     */
    private static void writeFixtures() throws Exception {
        String fixtures = System.getProperty("proof.fixtures.dir", "");
        if (fixtures.isBlank() || proven.isEmpty()) {
            return;
        }
        Path dir = Files.createDirectories(Path.of(fixtures));
        writeRoots(dir.resolve("roots"));
        for (Map.Entry<String, String> entry : proven.entrySet()) {
            ProofBundle bundle = builder.build(entry.getValue());
            Files.write(dir.resolve(entry.getKey() + ".json"), BundleWriter.write(bundle));
            Files.write(dir.resolve("config-block-" + bundle.configBlock().getHeader().getNumber() + ".pb"),
                    bundle.configBlock().toByteArray());
            if (entry.getKey().equals("mvcc-invalid")) {
                Block block = bundle.block();
                Block allValid = block.toBuilder().setMetadata(block.getMetadata().toBuilder().setMetadata(
                        BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE,
                        ByteString.copyFrom(new byte[block.getData().getDataCount()]))).build();
                Files.write(dir.resolve("mvcc-invalid.org2-claims-all-valid.attestation.json"),
                        BundleWriter.writeAttestation(org2Signer.attest(allValid)));
            }
        }
    }

    /** The root CA of every org's MSP: all the auditor trusts. */
    private static void writeRoots(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> cas = Files.find(home.resolve("crypto"), 5,
                (path, attributes) -> path.getParent().getFileName().toString().equals("cacerts")
                        && path.getParent().getParent().getFileName().toString().equals("msp"))) {
            for (Path ca : cas.toList()) {
                Files.copy(ca, dir.resolve(ca.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A stand-in for Org2's node: {@code GET /v1/attestations/{n}} answered by Org2's signer, 404 until its peer has n. */
    private static HttpServer attestationEndpoint(AttestationSigner signer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/attestations/", exchange -> {
            String number = exchange.getRequestURI().getPath().substring("/v1/attestations/".length());
            int status;
            byte[] body;
            try {
                body = BundleWriter.writeAttestation(signer.attest(Long.parseUnsignedLong(number)));
                status = 200;
            } catch (ProofException e) {
                body = e.getMessage().getBytes(StandardCharsets.UTF_8);
                status = e.reason() == ProofException.Reason.BLOCK_NOT_COMMITTED ? 404 : 503;
            }
            exchange.getResponseHeaders().add("Content-Type", BundleWriter.MEDIA_TYPE);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static SubmitOutcome.Committed committed(String transaction, String argument) {
        SubmitOutcome outcome = issuer.submit(transaction, argument);
        assertThat(outcome).as("%s(%s) -> %s", transaction, argument, outcome).isInstanceOf(SubmitOutcome.Committed.class);
        return (SubmitOutcome.Committed) outcome;
    }

    private static String id(String base) {
        return "proof-" + base + "-" + run;
    }

    private static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
