package chan.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's minor page faults so far, from Linux's /proc/thread-self/stat (0 elsewhere).
 * `chan bench -Dchan.bench.eachRun=true` prints them per run: a run whose allocation lands on heap
 * pages the process has never touched pays the kernel's zeroing of each page in the thread's CPU
 * time, which is how the same compiled code can read 50% slower in one process than in the next.
 */
final class ThreadFaults {
    private static final Path STAT = Path.of("/proc/thread-self/stat");

    private ThreadFaults() {}

    static long minor() {
        try {
            String stat = Files.readString(STAT);
            // After "pid (comm) ": state is field 3, minflt field 10; comm may hold spaces, not ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
