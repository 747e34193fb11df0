package io.ledgernode.node.auth;

import static io.ledgernode.node.auth.TestTokens.AUDIENCE;
import static io.ledgernode.node.auth.TestTokens.CLOCK;
import static io.ledgernode.node.auth.TestTokens.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path dir;

    @Test
    void ensure_key_creates_a_private_key_file_and_a_public_jwks_file() throws Exception {
        Path jwks = DevTokens.ensureKey(dir);
        Path privateKey = dir.resolve("dev-signing-key.jwk");

        assertThat(jwks).isEqualTo(dir.resolve("dev-jwks.json"));
        assertThat(Files.readString(privateKey)).contains("\"d\"");
        assertThat(Files.readString(jwks)).doesNotContain("\"d\"").contains("\"P-256\"");
        if (Files.getFileAttributeView(privateKey, PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        }
    }

    @Test
    void ensure_key_is_idempotent_and_keeps_the_same_key() throws Exception {
        DevTokens.ensureKey(dir);
        String privateKey = Files.readString(dir.resolve("dev-signing-key.jwk"));
        String publicKeys = Files.readString(dir.resolve("dev-jwks.json"));

        DevTokens.ensureKey(dir);

        assertThat(Files.readString(dir.resolve("dev-signing-key.jwk"))).isEqualTo(privateKey);
        assertThat(Files.readString(dir.resolve("dev-jwks.json"))).isEqualTo(publicKeys);
    }

    @Test
    void ensure_key_rewrites_a_public_jwks_file_left_from_another_key() throws Exception {
        Path jwks = DevTokens.ensureKey(dir);
        String first = Files.readString(jwks);
        Files.delete(dir.resolve("dev-signing-key.jwk"));

        DevTokens.ensureKey(dir);

        assertThat(Files.readString(jwks)).isNotEqualTo(first);
    }

    @Test
    void a_minted_token_verifies_with_a_verifier_configured_with_the_jwks_file() throws AuthException {
        Path jwks = DevTokens.ensureKey(dir);
        String token = DevTokens.mint(dir, ISSUER, AUDIENCE, "bob", Set.of(Role.WALLET, Role.REGULATOR),
                Set.of("acc-7"), Optional.of("FR"), Duration.ofMinutes(15), CLOCK);

        Caller caller = TokenVerifier.create(TestTokens.config(jwks, Set.of("ES256")), CLOCK).verify("Bearer " + token);

        assertThat(caller.subject()).isEqualTo("bob");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.WALLET, Role.REGULATOR);
        assertThat(caller.accounts()).containsExactly("acc-7");
        assertThat(caller.jurisdiction()).contains("FR");
    }

    @Test
    void mint_refuses_a_wallet_token_without_accounts() {
        assertThatThrownBy(() -> DevTokens.mint(dir, ISSUER, AUDIENCE, "bob", Set.of(Role.WALLET), Set.of(),
                Optional.empty(), Duration.ofMinutes(15), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_command_line_prints_a_token_that_verifies() throws AuthException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DevTokens.run(List.of("--dir", dir.toString(), "--issuer", ISSUER, "--audience", AUDIENCE,
                "--subject", "carol", "--role", "auditor", "--role", "operator", "--ttl", "PT5M"),
                print(out), print(err), CLOCK);

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        TokenVerifier verifier = TokenVerifier.create(
                TestTokens.config(dir.resolve("dev-jwks.json"), Set.of("ES256")), CLOCK);
        Caller caller = verifier.verify("Bearer " + out.toString(StandardCharsets.UTF_8).strip());
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.OPERATOR);
        assertThat(caller.expiresAt()).isEqualTo(TestTokens.NOW.plus(Duration.ofMinutes(5)));
    }

    /** Issue "The node holds under hostile input": every development token was "dev-root", one rate limit for all. */
    @Test
    void without_a_subject_each_role_account_and_jurisdiction_gets_its_own() throws AuthException {
        assertThat(subjectOf("--role", "wallet", "--account", "alice")).isEqualTo("dev-wallet-alice");
        assertThat(subjectOf("--role", "wallet", "--account", "bob")).isEqualTo("dev-wallet-bob");
        assertThat(subjectOf("--role", "auditor")).isEqualTo("dev-auditor");
        assertThat(subjectOf("--role", "regulator", "--jurisdiction", "DE")).isEqualTo("dev-regulator-DE");
        assertThat(subjectOf("--role", "regulator", "--jurisdiction", "FR")).isEqualTo("dev-regulator-FR");
        assertThat(subjectOf("--role", "auditor", "--subject", "carol")).isEqualTo("carol");
    }

    private String subjectOf(String... options) throws AuthException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--dir", dir.toString(), "--issuer", ISSUER, "--audience", AUDIENCE));
        args.addAll(List.of(options));
        assertThat(DevTokens.run(args, print(out), print(new ByteArrayOutputStream()), CLOCK)).isZero();
        TokenVerifier verifier = TokenVerifier.create(TestTokens.config(dir.resolve("dev-jwks.json"), Set.of("ES256")), CLOCK);
        return verifier.verify("Bearer " + out.toString(StandardCharsets.UTF_8).strip()).subject();
    }

    @Test
    void the_command_line_refuses_bad_arguments_with_one_line_and_status_2() {
        List<List<String>> badArguments = List.of(
                List.of(),
                List.of("--dir", dir.toString(), "--issuer", ISSUER, "--audience", AUDIENCE, "--subject", "s"),
                List.of("--dir", dir.toString(), "--issuer", ISSUER, "--audience", AUDIENCE, "--subject", "s",
                        "--role", "king"),
                List.of("--dir", dir.toString(), "--issuer", ISSUER, "--audience", AUDIENCE, "--subject", "s",
                        "--role", "auditor", "--ttl", "15 minutes"),
                List.of("--dir", dir.toString(), "--issuer", ISSUER, "--audience", AUDIENCE, "--subject", "s",
                        "--role", "wallet"),
                List.of("--dir", dir.toString(), "--colour", "blue"),
                List.of("--dir"));

        for (List<String> args : badArguments) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = DevTokens.run(args, print(out), print(err), CLOCK);

            assertThat(status).as("status for %s", args).isEqualTo(2);
            assertThat(out.size()).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).as("stderr for %s", args)
                    .startsWith("DevTokens: ")
                    .doesNotContain("\n");
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
