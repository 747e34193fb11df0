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
}
