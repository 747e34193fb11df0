package io.ledgernode.chaos.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path home;

    private void supervised(String name, String state, String child) throws Exception {
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run").resolve(name + ".state"), state + "\n");
        Files.writeString(home.resolve("run").resolve(name + ".child"), child + "\n");
    }

    private static String startTime(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
    }

    /** The process's state letter once it is {@code wanted}, or whatever it is after 5 s: signals land asynchronously. */
    static String stateSoon(long pid, String wanted) throws Exception {
        String state = "";
        for (int i = 0; i < 500; i++) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            state = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
            if (state.equals(wanted)) {
                break;
            }
            Thread.sleep(10);
        }
        return state;
    }

    @Test
    void names_and_states_come_from_the_supervisors_run_directory() throws Exception {
        supervised("peer0", "live 1 answered", "1 1");
        supervised("node-service", "restarting 2 exited", "2 2");

        Processes processes = new Processes(home);

        assertThat(processes.names()).containsExactly("node-service", "peer0");
        assertThat(processes.state("peer0")).isEqualTo("live");
        assertThat(processes.notLive()).containsExactly("node-service");
    }

    @Test
    void a_process_is_described_by_its_state_how_long_it_has_been_in_it_the_reason_and_its_restarts() throws Exception {
        supervised("orderer0", "restarting 1000 exited with status 2", "1 1");
        Files.writeString(home.resolve("run").resolve("orderer0.restarts"), "31\n");
        supervised("fresh", "starting 1090 pid 7", "1 1");

        Processes processes = new Processes(home);

        assertThat(processes.describe("orderer0", java.time.Instant.ofEpochSecond(1095)))
                .isEqualTo("orderer0: restarting for 95 s (exited with status 2), 31 restarts");
        assertThat(processes.describe("fresh", java.time.Instant.ofEpochSecond(1095)))
                .isEqualTo("fresh: starting for 5 s (pid 7)");
        assertThat(processes.describe("absent", java.time.Instant.ofEpochSecond(1095)))
                .isEqualTo("absent: no state recorded");
    }

    @Test
    void a_pid_is_only_the_process_that_started_at_the_recorded_time() throws Exception {
        long self = ProcessHandle.current().pid();
        supervised("me", "live 1 x", self + " " + startTime(self));
        supervised("recycled", "live 1 x", self + " 12345");

        Processes processes = new Processes(home);

        assertThat(processes.pid("me")).contains(self);
        assertThat(processes.pid("recycled")).isEmpty();
        assertThat(processes.pid("absent")).isEmpty();
    }

    @Test
    void a_database_is_hit_at_its_server_process() throws Exception {
        long self = ProcessHandle.current().pid();
        supervised("postgres.Org2", "live 1 x", "1 1");
        Files.createDirectories(home.resolve("postgres.Org2/data"));
        Files.writeString(home.resolve("postgres.Org2/data/postmaster.pid"), self + "\n/data\n");

        assertThat(new Processes(home).pid("postgres.Org2")).contains(self);
    }

    @Test
    void a_killed_process_not_yet_reaped_is_no_longer_a_target() throws Exception {
        // The victim's parent never reaps it (bash execs into a sleep that does not wait): killed, it stays a zombie,
        // as a process does for the moment before its supervisor notices.
        Process parent = new ProcessBuilder("bash", "-c", "sleep 30 & echo $!; exec sleep 60").start();
        try {
            long victim = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream())).readLine().strip());
            supervised("victim", "live 1 x", victim + " " + startTime(victim));
            Processes processes = new Processes(home);
            assertThat(processes.pid("victim")).contains(victim);

            Processes.signal("KILL", java.util.List.of(victim));

            assertThat(stateSoon(victim, "Z")).isEqualTo("Z");
            assertThat(processes.pid("victim")).isEmpty();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void a_stopped_process_continues_after_cont() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Processes.signal("STOP", java.util.List.of(sleeper.pid()))).isTrue();
            assertThat(stateSoon(sleeper.pid(), "T")).isEqualTo("T");
            assertThat(Processes.signal("CONT", java.util.List.of(sleeper.pid()))).isTrue();
            assertThat(stateSoon(sleeper.pid(), "S")).isEqualTo("S");
            assertThat(Processes.signal("KILL", java.util.List.of(sleeper.pid()))).isTrue();
            assertThat(sleeper.waitFor()).isEqualTo(137);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void across_hosts_each_process_is_named_by_its_host_and_read_from_that_hosts_home() throws Exception {
        for (String host : List.of("10.9.0.3", "10.9.0.2")) {
            Path run = Files.createDirectories(home.resolve("hosts").resolve(host).resolve("run"));
            Files.writeString(run.resolve("node-service.state"), (host.endsWith("2") ? "live" : "restarting") + " 1 x\n");
            Files.writeString(run.resolve("node-service.child"), "1 1\n");
        }

        Processes processes = Processes.acrossHosts(home.resolve("hosts"));

        assertThat(processes.hosts()).containsExactly("10.9.0.2", "10.9.0.3");
        assertThat(processes.names()).containsExactly("10.9.0.2/node-service", "10.9.0.3/node-service");
        assertThat(processes.notLive()).containsExactly("10.9.0.3/node-service");
        assertThat(processes.logOf("10.9.0.3/node-service")).isEqualTo(home.resolve("hosts/10.9.0.3/logs/node-service.log"));
        assertThat(Processes.localName("10.9.0.3/node-service")).isEqualTo("node-service");
        assertThat(new Processes(home).hosts()).isEmpty();
    }
}
