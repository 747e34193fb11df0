package io.ledgernode.node.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator's page is made of: supervised processes, recent problems and the consortium's root certificates. */
class StatusPartsTest {

    @TempDir
    Path dir;

    @Test
    void a_process_runs_only_while_its_recorded_pid_runs_with_the_recorded_start_time() throws IOException {
        long self = ProcessHandle.current().pid();
        String started = Files.readString(Path.of("/proc", Long.toString(self), "stat")).replaceFirst("^.*\\) ", "").split(" ")[19];
        Files.writeString(dir.resolve("node-service.state"), "live 1765000000 answered its probe\n");
        Files.writeString(dir.resolve("node-service.child"), self + " " + started + "\n");
        Files.writeString(dir.resolve("node-service.restarts"), "2\n");
        // The same pid with another start time is another process (a recycled pid): not ours, not running.
        Files.writeString(dir.resolve("peer0.state"), "restarting 1765000100 exited with status 1\n");
        Files.writeString(dir.resolve("peer0.child"), self + " 1\n");

        List<Processes.Line> lines = new Processes(dir).lines();

        assertThat(lines).extracting(Processes.Line::name).containsExactly("node-service", "peer0");
        Processes.Line node = lines.get(0);
        assertThat(node.running()).isTrue();
        assertThat(node.pid()).isEqualTo(self);
        assertThat(node.state()).isEqualTo("live");
        assertThat(node.since()).isEqualTo("2025-12-06T05:46:40Z");
        assertThat(node.detail()).isEqualTo("answered its probe");
        assertThat(node.restarts()).isEqualTo(2L);
        assertThat(lines.get(1).running()).isFalse();
        assertThat(lines.get(1).pid()).isNull();
    }

    @Test
    void no_run_directory_is_no_processes() {
        assertThat(new Processes(dir.resolve("absent")).lines()).isEmpty();
    }

    @Test
    void recent_errors_keep_the_last_warnings_and_errors_only_and_cut_long_messages() {
        RecentErrors errors = new RecentErrors(2);
        errors.publish(new LogRecord(Level.INFO, "started"));
        errors.publish(new LogRecord(Level.WARNING, "first"));
        errors.publish(new LogRecord(Level.SEVERE, "second"));
        errors.publish(new LogRecord(Level.WARNING, "x".repeat(2_000)));

        assertThat(errors.lines()).extracting(RecentErrors.Line::message).containsExactly("second", "x".repeat(RecentErrors.MESSAGE_LENGTH_MAX));
    }

    @Test
    void the_roots_are_each_org_s_msp_ca_certificates_and_not_its_peers_or_users() throws IOException {
        Path crypto = dir.resolve("crypto");
        write(crypto.resolve("peerOrganizations/org1.example/msp/cacerts/ca.pem"), "ORG1");
        write(crypto.resolve("ordererOrganizations/orderer.example/msp/cacerts/ca.pem"), "ORDERER");
        write(crypto.resolve("peerOrganizations/org1.example/peers/peer0.org1.example/msp/cacerts/ca.pem"), "PEER");
        write(crypto.resolve("peerOrganizations/org1.example/msp/tlscacerts/tlsca.pem"), "TLS");

        assertThat(Consortium.roots(crypto)).containsExactly(new Consortium.Root("orderer.example", "ORDERER"),
                new Consortium.Root("org1.example", "ORG1"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
