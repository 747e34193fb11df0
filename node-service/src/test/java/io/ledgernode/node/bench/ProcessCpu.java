package io.ledgernode.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU ticks from {@code /proc}. A process is charged with its live descendants and with the children it has reaped:
 * PostgreSQL does its work in one backend process per connection, children of the server process, so the server's
 * own ticks alone would show the database as nearly idle while it writes the mirror.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /**
     * Ticks of the process {@code pid} and of all its live descendants, each with its reaped children's
     * ({@code cutime}, {@code cstime}); -1 when the process is gone. A descendant that ends between two samples moves
     * its ticks into its parent's reaped share, so nothing is counted twice or lost (unless its parent ends too).
     */
    static long treeTicks(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(self -> self.descendants().forEach(d -> pids.add(d.pid())));
        long sum = 0;
        for (int i = 0; i < pids.size(); i++) {
            try {
                String[] fields = fields(Path.of("/proc", Long.toString(pids.get(i))));
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
            } catch (IOException gone) {
                if (i == 0) {
                    return -1;
                }
                // A descendant ended between the listing and the read: its parent has its ticks, or will.
            }
        }
        return sum;
    }

    /** The pid a PostgreSQL server wrote first in {@code postmaster.pid} of its data directory; -1 when none. */
    static long postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,9}") ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException none) {
            return -1;
        }
    }

    /** utime + stime of one process or thread (a {@code /proc/PID} or {@code /proc/PID/task/TID} directory). */
    static long ownTicks(Path process) throws IOException {
        String[] fields = fields(process);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * The fields of {@code stat} after the command name, which is in parentheses and may hold spaces: utime is the
     * 14th field of the line (index 11 here), stime the 15th, cutime the 16th and cstime the 17th.
     */
    private static String[] fields(Path process) throws IOException {
        String line = Files.readString(process.resolve("stat"));
        return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }
}
