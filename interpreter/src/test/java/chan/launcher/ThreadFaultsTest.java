package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The page-fault count `chan bench -Dchan.bench.eachRun=true` prints per run. */
class ThreadFaultsTest {
    @Test
    void countsThisThreadsFaultsOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "no /proc/thread-self: not Linux");
        long before = ThreadFaults.minor();
        assertTrue(before > 0, "a running thread has faulted in at least its stack: " + before);
        // Memory outside the Java heap that nothing has touched yet: each page written faults once.
        java.nio.ByteBuffer fresh = java.nio.ByteBuffer.allocateDirect(64 << 20);
        for (int i = 0; i < fresh.capacity(); i += 4096) {
            fresh.put(i, (byte) 1);
        }
        long after = ThreadFaults.minor();
        assertTrue(after >= before + 1000, "64 MB of fresh pages written, faults " + before + " -> " + after);
    }
}
