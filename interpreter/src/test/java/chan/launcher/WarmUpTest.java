package chan.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up (WarmUp): its programs run as meant (their output goes nowhere in a
 * spare, so nothing else would notice one that fails at its first line), the compiling one is
 * paced and ends at its time, and a run that comes stops it at once.
 */
class WarmUpTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String resource, String input) throws IOException {
        Path program = dir.resolve(resource);
        try (InputStream text = WarmUp.class.getResourceAsStream(resource)) {
            Files.copy(text, program);
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ChanMain.run(new String[] {program.toString()}, new ByteArrayInputStream(input.getBytes(UTF_8)),
                        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    @Test
    void theFirstWarmUpRunsWithoutError() throws IOException {
        Run run = run("warm-up.chan", "");
        assertEquals(new Run(0, run.out(), ""), run);
        assertTrue(run.out().contains("caught"), run.out());
    }

    @Test
    void theSecondWarmUpEndsInItsUncaughtError() throws IOException {
        Run run = run("warm-up-error.chan", "");
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("warm-up-error.chan:5:"), run.err());
    }

    /** A round for each line: three rounds sum to three times one, and nothing fails on the way. */
    @Test
    void theCompilingWarmUpRunsARoundForEachLine() throws IOException {
        Run one = run("warm-up-compile.chan", "\n");
        Files.delete(dir.resolve("warm-up-compile.chan"));
        Run three = run("warm-up-compile.chan", "\n\n\n");
        assertEquals(new Run(0, one.out(), ""), one);
        assertEquals(new Run(0, three.out(), ""), three);
        assertEquals(3 * Long.parseLong(one.out().strip()), Long.parseLong(three.out().strip()));
    }

    /** One line per round at most, however busy the machine, and the end once the time is up. */
    @Test
    void roundsComeAtTheirPaceAndEndAtTheirTime() throws IOException {
        long start = System.nanoTime();
        long time = Duration.ofMillis(200).toNanos();
        int lines = 0;
        try (InputStream rounds = new WarmUp.Rounds(start + time, () -> false)) {
            byte[] buffer = new byte[64];
            for (int n; (n = rounds.read(buffer, 0, buffer.length)) != -1;) {
                assertEquals(1, n);
                assertEquals('\n', buffer[0]);
                lines++;
            }
        }
        assertTrue(System.nanoTime() - start >= time, "ended early");
        assertTrue(lines >= 1 && lines <= time / WarmUp.ROUND.toNanos() + 1, lines + " lines");
    }

    /** Ended early, the input ends for a read that waits for its round. */
    @Test
    void roundsEndedEarlyEndAtOnce() throws Exception {
        var rounds = new WarmUp.Rounds(System.nanoTime() + Duration.ofMinutes(1).toNanos(), () -> false);
        int[] lines = {0};
        Thread reader = new Thread(() -> {
            try {
                while (rounds.read() == '\n') {
                    lines[0]++;
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        reader.start();
        Thread.sleep(100);
        rounds.end();
        reader.join(Duration.ofSeconds(10));
        assertEquals(false, reader.isAlive(), "a read went on waiting");
        assertTrue(lines[0] >= 1, "no line before the end");
        assertEquals(-1, rounds.read());
    }

    /** A run that comes while the compiling warm-up has a minute to go does not wait for it. */
    @Test
    void stoppingEndsTheCompilingWarmUp() throws Exception {
        WarmUp warmUp = WarmUp.start(dir, Duration.ofMinutes(1));
        long waited = 0;
        while (!Files.exists(dir.resolve("warm-up-compile.chan")) && waited < 120_000) {
            Thread.sleep(100);
            waited += 100;
        }
        assertTrue(Files.exists(dir.resolve("warm-up-compile.chan")), "the compiling warm-up did not start");
        Thread.sleep(1000);
        long start = System.nanoTime();
        warmUp.stop();
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "stop() waited for the warm-up's time");
    }

    /** Stopped (the REPL ends), a warm-up in a temporary directory removes it. */
    @Test
    void stoppingAWarmUpRemovesItsTemporaryDirectory() throws Exception {
        WarmUp warmUp = WarmUp.startInTemporaryDirectory(Duration.ofMinutes(1), () -> false);
        Path own = warmUp.directory();
        assertTrue(waitFor(() -> Files.exists(own.resolve("warm-up.chan"))), "the warm-up did not start");
        warmUp.stop();
        assertEquals(false, Files.exists(own), "left " + own);
    }

    /** Whether {@code condition} holds within two minutes (the warm-up's JVM shares the build's CPU). */
    static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
