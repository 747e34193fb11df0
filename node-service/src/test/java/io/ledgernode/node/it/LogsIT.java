package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.node.auth.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: no pseudonymous owner reference or request body in any log. An account is opened with an owner
 * reference no other test uses, refused and accepted writes carry it, and then every log of every process of the
 * test network (chaincode servers, peers, orderer, bridge, node-service, reconciler, PostgreSQL) is searched for it.
 */
class LogsIT {

    @Test
    void an_owner_reference_never_reaches_any_log_of_any_process() throws Exception {
        NodeFixture node = NodeFixture.locate();
        String ownerRef = "owner-secret-" + node.run;
        String asset = "L" + node.run;
        String issuer = node.token(Role.ISSUER);
        String operator = node.token(Role.OPERATOR);
        assertThat(node.post("/v1/assets", issuer, "a", "{\"code\":\"" + asset + "\",\"decimals\":0}").statusCode()).isEqualTo(200);
        String open = "{\"id\":\"log-" + node.run + "\",\"asset\":\"" + asset + "\",\"ownerRef\":\"" + ownerRef + "\",\"jurisdiction\":\"DE\"}";
        assertThat(node.post("/v1/accounts", operator, "o", open).statusCode()).isEqualTo(200);
        // The same account again: refused by the chaincode (ACCOUNT_EXISTS), whose rejection text must not be logged either.
        assertThat(node.post("/v1/accounts", operator, "o-again", open).statusCode()).isEqualTo(409);

        Path logs = Path.of(System.getProperty("ledger.it.home")).resolve("logs");
        List<Path> carrying;
        try (Stream<Path> files = Files.walk(logs)) {
            carrying = files.filter(Files::isRegularFile).filter(file -> contains(file, ownerRef)).toList();
        }
        assertThat(carrying).as("logs naming the owner reference").isEmpty();
    }

    private static boolean contains(Path file, String needle) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle);
        } catch (IOException e) {
            return false;
        }
    }
}
