// Checks --stats: the per-core table, and threads left blocked when main ends counted and listed as leaked.
package chan.concurrency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakAndStatsTest {
    private static final String LEAKY = """
            // leaky: two threads stay blocked, one sleeps
            let c = chan();
            start { <-c; };
            start on (1) { let d = chan(); d <- 1; };
            start on (2) { sleep(1000000); };
            sleep(1000);
            print("main ends");
            """;

    @TempDir
    Path dir;

    @Test
    void statsCountAndListTheLeakedThreads() throws IOException {
        Path program = dir.resolve("leaky.chan");
        Files.writeString(program, LEAKY, UTF_8);
        RunChan r = RunChan.run(program.toString(), "--stats");
        assertEquals(0, r.exit(), r.err());
        assertEquals("main ends\n", r.out());
        String err = r.err().replace(program.toString(), "leaky.chan");
        assertTrue(err.startsWith("""
                        warning: 2 threads leaked (still blocked when main ended):
                          thread 2 on core 0: receive at leaky.chan:3:9
                          thread 3 on core 1: send at leaky.chan:4:32
                        machine uniform, 4 cores, final virtual time """), err);
        assertTrue(err.contains(" cycles, 4 threads, 0 crashed, 2 leaked\n"), err);
        assertEquals(4 + 1, err.lines().filter(l -> l.matches("\\s+(\\d|all) .*")).count(), "a row per core and a total: " + err);
    }

    @Test
    void noLeakNoWarning() throws IOException {
        Path program = dir.resolve("clean.chan");
        Files.writeString(program, "// clean\nlet c = chan();\nstart { c <- 1; };\nprint(<-c);\n", UTF_8);
        RunChan r = RunChan.run(program.toString(), "--stats", "--warn-leaks");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("machine uniform"), r.err());
        assertTrue(r.err().contains(", 0 leaked\n"), r.err());
    }

    @Test
    void aDeadlockIsNotReportedAsALeak() throws IOException {
        Path program = dir.resolve("stuck.chan");
        Files.writeString(program, "// stuck\nlet c = chan();\nstart { <-c; };\n<-c;\n", UTF_8);
        RunChan r = RunChan.run(program.toString(), "--warn-leaks");
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("deadlock: all threads are blocked\n"), r.err());
        assertTrue(!r.err().contains("leaked"), r.err());
    }
}
