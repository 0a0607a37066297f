package chan.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chan.testing.TmuxTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./chan repl` at a terminal warms up its compiler while its user types (docs/repl.md, "While you
 * type"): the warm-up runs beside the session without touching it, a long input ends it, and
 * nothing of it is left behind. The warm-up's programs are written to a temporary directory, here
 * one of the test's own (java.io.tmpdir), which is how the test sees it run and end.
 */
class ReplWarmUpIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void theWarmUpRunsBesideTheSessionUntilALongInputAndLeavesNothing() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        String command = repl(tmp);
        try (TmuxTerminal term = new TmuxTerminal(command)) {
            term.waitForPrompt(1);
            waitUntil(() -> warmUpFiles(tmp).contains("warm-up-compile.chan"), "the compiling warm-up to start");
            // A session's results are its own, the warm-up running beside it.
            term.line("fn fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }");
            term.waitForPrompt(2);
            term.line("[fib(20), fib(21)]");
            term.waitFor("\n[6765, 10946]\n");
            term.waitForPrompt(3);
            // An input that runs long (here it waits for its line) ends it, if the last has not (a
            // slow machine may run that one longer than ReplWarmUp.LONG_INPUT), and the session goes on.
            term.line("read_line()");
            waitUntil(() -> warmUpDirs(tmp).isEmpty(), "the warm-up to end and remove its files");
            term.line("typed");
            term.waitFor("\n\"typed\"\n");
            term.waitForPrompt(4);
            term.line("fib(15)");
            term.waitFor("\n610\n");
            term.waitForPrompt(5);
            term.press("C-d");
        }
        assertEquals(List.of(), warmUpDirs(tmp), "left behind");
    }

    /** Leaving the session while the warm-up runs ends it too, and leaves nothing. */
    @Test
    void leavingTheSessionEndsTheWarmUp() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path exit = dir.resolve("exit");
        String command = repl(tmp) + "; echo $? > " + exit;
        try (TmuxTerminal term = new TmuxTerminal(command)) {
            term.waitForPrompt(1);
            waitUntil(() -> warmUpFiles(tmp).contains("warm-up-compile.chan"), "the compiling warm-up to start");
            long start = System.nanoTime();
            term.press("C-d");
            waitUntil(() -> Files.exists(exit), "the session to end");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the session waited for the warm-up's time");
            assertEquals("0", Files.readString(exit).strip());
        }
        assertEquals(List.of(), warmUpDirs(tmp), "left behind");
    }

    /** A session ended by a signal (SIGTERM) while the warm-up runs leaves nothing of it behind either. */
    @Test
    void aSessionEndedBySignalLeavesNothing() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path pid = dir.resolve("pid");
        Path exit = dir.resolve("exit");
        // exec all the way down: the pid the shell writes is the JVM's.
        String command = "sh -c 'echo $$ > " + pid + "; exec " + repl(tmp) + "'; echo $? > " + exit;
        try (TmuxTerminal term = new TmuxTerminal(command)) {
            term.waitForPrompt(1);
            waitUntil(() -> warmUpFiles(tmp).contains("warm-up-compile.chan"), "the compiling warm-up to start");
            ProcessHandle jvm = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
            jvm.destroy();
            waitUntil(() -> Files.exists(exit), "the session to end");
            assertEquals("143", Files.readString(exit).strip());
        }
        assertEquals(List.of(), warmUpDirs(tmp), "left behind");
    }

    /**
     * `./chan repl` with a warm-up of ten minutes, longer than any wait here (only the session ends
     * it), writing to {@code tmp}.
     */
    private String repl(Path tmp) {
        return "env CHAN_REPL_COMPILE=600 CHAN_JAVA_OPTS=-Djava.io.tmpdir=" + tmp + " CHAN_HISTORY=" + dir.resolve("history") + " " + CHAN
                        + " repl";
    }

    /** The warm-up's directories in {@code tmp} (`chan-warm-up…`; JLine unpacks its library there too). */
    private static List<Path> warmUpDirs(Path tmp) {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(d -> d.getFileName().toString().startsWith("chan-warm-up")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The names of the files in the warm-up's directories. */
    private static List<String> warmUpFiles(Path tmp) {
        return warmUpDirs(tmp).stream().flatMap(d -> {
            String[] names = d.toFile().list();
            return names == null ? Stream.of() : Stream.of(names);
        }).toList();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT_SECONDS + " s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
