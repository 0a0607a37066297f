package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `chan bench FILE RUNS args…`: arguments reach the program, `ops N` becomes ns/op, memory is reported,
 * and bench_start()/bench_stop() mark the timed part of a run.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsTimePerOperationAndMemory() throws IOException {
        Path program = dir.resolve("ping.chan");
        Files.writeString(program, """
                        fn echo(c) { while (true) { c <- <-c; } }
                        let n = int(args()[0]);
                        let c = chan();
                        start echo(c);
                        let i = 0;
                        while (i < n) { c <- i; <-c; i = i + 1; }
                        print("ops", n);
                        """);
        String out = bench("bench", program.toString(), "2", "50", "--cores", "1");
        assertTrue(out.contains("2 runs"), out);
        assertTrue(out.contains("50 ops per run: "), out);
        assertTrue(out.matches("(?s).*[0-9.]+ ns/op \\(median\\).*cpu [0-9.]+ ns/op.*"), out);
        assertTrue(out.contains("peak live heap"), out);
    }

    @Test
    void timesOnlyBetweenBenchStartAndBenchStop() throws IOException {
        // Work outside the marks (tens of ms in the interpreter), none between them: the figure is
        // the interval's, a boundary call's worth, far below the run's own time.
        Path program = dir.resolve("marked.chan");
        Files.writeString(program, """
                        fn work(n) { let t = 0; let i = 0; while (i < n) { t += i % 7; i += 1; } return t; }
                        print(work(300000));
                        bench_start();
                        bench_stop();
                        print(work(300000));
                        """);
        String out = bench("bench", program.toString(), "2");
        assertTrue(out.contains("timed: the part of each run between bench_start() and bench_stop() (whole runs that call neither)"), out);
        Matcher cpu = Pattern.compile("cpu time of the program's thread after warm-up: min [0-9.]+ ms, median ([0-9.]+) ms").matcher(out);
        assertTrue(cpu.find(), out);
        assertTrue(Double.parseDouble(cpu.group(1)) < 1.0, out);

        Path unmarked = dir.resolve("unmarked.chan");
        Files.writeString(unmarked, "print(1);\n");
        assertFalse(bench("bench", unmarked.toString(), "2").contains("timed:"));
    }

    @Test
    void failingProgramGivesItsExitCode() throws IOException {
        Path program = dir.resolve("fail.chan");
        Files.writeString(program, "let x = 1 / 0;\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChanMain.run(new String[]{"bench", program.toString(), "2"}, new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(1, exit, err.toString(StandardCharsets.UTF_8));
    }

    private static String bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChanMain.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
