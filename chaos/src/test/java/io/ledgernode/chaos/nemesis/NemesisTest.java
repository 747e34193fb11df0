package io.ledgernode.chaos.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.chaos.history.Event;
import io.ledgernode.chaos.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nemesis against stand-in processes (sleep) recorded the way the supervisor records the node's. */
class NemesisTest {

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private Process supervised(String name) throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        started.add(process);
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run").resolve(name + ".state"), "live 1 answered\n");
        Files.writeString(home.resolve("run").resolve(name + ".child"),
                process.pid() + " " + stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19] + "\n");
        return process;
    }

    private List<Event.Fault> run(Schedule schedule) {
        Path file = home.resolve("history.jsonl");
        try (History history = History.appendTo(file)) {
            new Nemesis(new Processes(home), schedule, history, Duration.ofSeconds(1), line -> { }, Instant.now()).run();
        }
        return History.read(file).stream().filter(Event.Fault.class::isInstance).map(Event.Fault.class::cast).toList();
    }

    @Test
    void a_kill_hits_the_recorded_pid_and_is_written_to_the_history() throws Exception {
        Process reconciler = supervised("reconciler");

        List<Event.Fault> faults = run(new Schedule(1, List.of(new Schedule.Planned(1, FaultKind.KILL_RECONCILER,
                Duration.ZERO, 0, Duration.ofSeconds(2)))));

        assertThat(reconciler.waitFor()).isEqualTo(137);
        assertThat(faults).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("KILL_RECONCILER");
            assertThat(f.targets()).containsExactly(new Event.Target("reconciler", reconciler.pid()));
        });
    }

    @Test
    void a_hang_freezes_the_process_for_its_time_and_lets_it_go_on() throws Exception {
        Process node = supervised("node-service.Org2");

        Instant start = Instant.now();
        List<Event.Fault> faults = run(new Schedule(1, List.of(new Schedule.Planned(1, FaultKind.HANG_NODE,
                Duration.ZERO, 0, Duration.ofMillis(600)))));

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(node.isAlive()).isTrue();
        assertThat(ProcessesTest.stateSoon(node.pid(), "S")).isEqualTo("S");
        assertThat(faults).singleElement().satisfies(f -> assertThat(f.note()).isEqualTo("frozen 600 ms"));
    }

    @Test
    void a_fault_without_a_running_target_is_recorded_as_such_and_kills_nothing() throws Exception {
        Process peer = supervised("peer0.org1");

        List<Event.Fault> faults = run(new Schedule(1, List.of(new Schedule.Planned(1, FaultKind.KILL_PEER_AND_ORDERER,
                Duration.ZERO, 0, Duration.ofSeconds(2)))));

        assertThat(peer.isAlive()).isTrue();
        assertThat(faults).singleElement().satisfies(f -> assertThat(f.note()).isEqualTo("target not running"));
    }

    @Test
    void a_process_that_does_not_come_back_is_recorded() throws Exception {
        supervised("sync-bridge");
        Files.writeString(home.resolve("run").resolve("sync-bridge.state"), "failed 1 gave up\n");
        Path file = home.resolve("history.jsonl");

        try (History history = History.appendTo(file)) {
            Nemesis nemesis = new Nemesis(new Processes(home), new Schedule(1, List.of()), history, Duration.ofMillis(300),
                    line -> { }, Instant.now());
            assertThat(nemesis.awaitRecovery(3)).isFalse();
        }
        assertThat(History.read(file)).singleElement().satisfies(e -> {
            assertThat(((Event.Fault) e).kind()).isEqualTo("NOT_RECOVERED");
            assertThat(((Event.Fault) e).targets()).containsExactly(new Event.Target("sync-bridge", -1));
            assertThat(((Event.Fault) e).note()).contains("sync-bridge: failed for").contains("(gave up)");
        });
    }

    /** Two hosts' homes under hosts/, each with a process of the same name (every org's node calls its own "postgres"). */
    private Path twoHosts() throws Exception {
        Path hosts = home.resolve("hosts");
        for (String host : List.of("10.9.0.2", "10.9.0.3")) {
            Path run = Files.createDirectories(hosts.resolve(host).resolve("run"));
            Files.writeString(run.resolve("reconciler.state"), "live 1 answered\n");
            Files.writeString(run.resolve("reconciler.child"), "1 1\n");
        }
        return hosts;
    }

    @Test
    void a_partition_cuts_one_host_off_for_its_while_then_heals_it_and_names_it_in_the_history() throws Exception {
        Path hosts = twoHosts();
        Path log = home.resolve("cuts.log");
        Partitions partitions = new Partitions("echo cut {host} >> " + log, "echo heal {host} >> " + log);
        Path file = home.resolve("history.jsonl");
        Instant before = Instant.now();
        try (History history = History.appendTo(file)) {
            new Nemesis(Processes.acrossHosts(hosts), java.util.Optional.of(partitions), new Schedule(1, List.of(
                    new Schedule.Planned(1, FaultKind.PARTITION_HOST, Duration.ZERO, 1, Duration.ofMillis(700)))),
                    history, Duration.ofSeconds(1), line -> { }, Instant.now()).run();
        }

        assertThat(Files.readAllLines(log)).containsExactly("cut 10.9.0.3", "heal 10.9.0.3");
        Event.Fault fault = History.read(file).stream().filter(Event.Fault.class::isInstance).map(Event.Fault.class::cast)
                .findFirst().orElseThrow();
        assertThat(fault.kind()).isEqualTo("PARTITION_HOST");
        assertThat(fault.targets()).containsExactly(new Event.Target("10.9.0.3", -1));
        assertThat(fault.note()).isEqualTo("cut off 700 ms");
        assertThat(Duration.between(fault.start(), fault.end())).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(fault.start()).isAfterOrEqualTo(before);
    }

    @Test
    void a_failed_cut_is_recorded_as_such_and_the_host_is_healed_anyway() throws Exception {
        Path hosts = twoHosts();
        Path log = home.resolve("cuts.log");
        Partitions partitions = new Partitions("echo no such link {host} >&2; exit 3", "echo heal {host} >> " + log);
        Path file = home.resolve("history.jsonl");
        try (History history = History.appendTo(file)) {
            new Nemesis(Processes.acrossHosts(hosts), java.util.Optional.of(partitions), new Schedule(1, List.of(
                    new Schedule.Planned(1, FaultKind.PARTITION_HOST, Duration.ZERO, 0, Duration.ofMillis(100)))),
                    history, Duration.ofSeconds(1), line -> { }, Instant.now()).run();
        }

        assertThat(Files.readAllLines(log)).containsExactly("heal 10.9.0.2");
        assertThat(History.read(file).stream().filter(Event.Fault.class::isInstance).map(Event.Fault.class::cast).findFirst()
                .orElseThrow().note()).isEqualTo("the cut failed: exit 3: no such link 10.9.0.2");
    }

    @Test
    void a_run_on_one_host_records_a_partition_as_having_no_host_to_cut() throws Exception {
        supervised("reconciler");

        List<Event.Fault> faults = run(new Schedule(1, List.of(new Schedule.Planned(1, FaultKind.PARTITION_HOST,
                Duration.ZERO, 0, Duration.ofMillis(100)))));

        assertThat(faults).singleElement().satisfies(f -> assertThat(f.note()).isEqualTo("no host to cut off (a run on one host)"));
    }
}
