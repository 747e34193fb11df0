package io.ledgernode.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @Test
    void a_process_that_only_waits_for_a_busy_child_is_charged_with_the_childs_cpu() throws Exception {
        // The shape of PostgreSQL under load: the server process idles while its backends (children) work.
        Process parent = new ProcessBuilder("sh", "-c", "yes > /dev/null & wait").start();
        try {
            TimeUnit.MILLISECONDS.sleep(1500);
            long tree = ProcessCpu.treeTicks(parent.pid());
            long own = ProcessCpu.ownTicks(Path.of("/proc", Long.toString(parent.pid())));

            assertThat(own).as("the waiting shell's own ticks").isLessThan(10);
            assertThat(tree).as("ticks of the shell with its busy child, after 1.5 s").isGreaterThanOrEqualTo(50);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void a_process_that_is_gone_has_no_ticks() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();

        assertThat(ProcessCpu.treeTicks(done.pid())).isEqualTo(-1);
    }

    @Test
    void an_embedded_postgres_server_is_found_by_the_pid_file_of_its_data_directory(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "4242\n/work/data\n1796662299\n25432\n");

        assertThat(ProcessCpu.postmasterPid(data)).isEqualTo(4242);
        assertThat(ProcessCpu.postmasterPid(data.resolve("missing"))).isEqualTo(-1);
    }
}
