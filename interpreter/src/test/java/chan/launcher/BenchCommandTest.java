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
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `chan bench FILE RUNS args…`: arguments reach the program, `ops N` becomes ns/op, memory is reported,
 * bench_start()/bench_stop() mark the timed part of a run, and a Java baseline runs beside the runs.
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

    /** A single run was reported "1 runs, after warm-up", though nothing ran before it. */
    @Test
    void aSingleRunIsNotCalledWarm() throws IOException {
        Path program = dir.resolve("once.chan");
        Files.writeString(program, "print(1);\n");
        String out = bench("bench", program.toString(), "1");
        assertTrue(out.startsWith(program + ": 1 run, with no warm-up (RUNS 1): min "), out);
        assertTrue(out.contains("\n  cpu time of the program's thread: min "), out);
        assertFalse(out.contains("after warm-up"), out);
        assertTrue(bench("bench", program.toString(), "2").startsWith(program + ": 2 runs, after warm-up: min "));
    }

    @Test
    void failingProgramGivesItsExitCode() throws IOException {
        Path program = dir.resolve("fail.chan");
        Files.writeString(program, "let x = 1 / 0;\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChanMain.run(new String[]{"bench", program.toString(), "2"}, new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(1, exit, err.toString(StandardCharsets.UTF_8));
        // the error names the program as given, as `chan FILE` does (it said only "fail.chan")
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(program + ":1:11: error: division by zero"),
                        err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProgramFileThatCannotBeReadIsRefusedAsChanFileRefusesIt() {
        // A device would be read forever; a NUL is no file name: neither may reach the runs.
        for (String[] c : new String[][] {{"/dev/zero", "not a regular file"}, {"a\0b", "a path cannot contain a NUL character"},
                {dir.resolve("missing.chan").toString(), "no such file"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = ChanMain.run(new String[]{"bench", c[0], "2"}, new ByteArrayInputStream(new byte[0]),
                            new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals("chan bench: cannot read " + c[0].replace("\0", "\\0") + ": " + c[1] + "\n", err.toString(StandardCharsets.UTF_8));
            assertEquals(2, exit);
        }
    }

    private static String bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChanMain.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A Java baseline, compiled into {@code dir}: {@code test(args)} runs {@code body}. */
    private void baseline(String name, String body) throws IOException {
        javaClass(name, "public class " + name + " implements java.util.function.Predicate<String[]> {\n"
                        + "    public boolean test(String[] args) {\n" + body + "\n    }\n}\n");
    }

    /** Compiles the Java class {@code name} from {@code source} into {@code dir}. */
    private void javaClass(String name, String source) throws IOException {
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), file.toString()), name);
    }

    /** `chan bench PROGRAM 2 --baseline NAME` exits with {@code exit} and prints {@code message} alone on stderr. */
    private void assertBaselineRefused(Path program, String name, int exit, String message) {
        String[] r = benchWithBaseline("bench", program.toString(), "2", "--baseline", name, "--baseline-path", dir.toString());
        assertEquals(String.valueOf(exit), r[0], r[2]);
        assertEquals("chan bench: " + message + "\n", r[2]);
    }

    /** `chan bench` with the baseline's warm-up shortened to nothing: exit code, stdout and stderr. */
    private static String[] benchWithBaseline(String... args) {
        String before = System.getProperty("chan.bench.baselineWarmUp");
        System.setProperty("chan.bench.baselineWarmUp", "0");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = ChanMain.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
            return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            if (before == null) {
                System.clearProperty("chan.bench.baselineWarmUp");
            } else {
                System.setProperty("chan.bench.baselineWarmUp", before);
            }
        }
    }

    @Test
    void aJavaBaselineRunsAfterEachRunWithTheProgramsArguments() throws IOException {
        // The baseline checks that it got the program's arguments (not RUNS): a wrong result otherwise.
        baseline("Sum", "long t = 0; for (int i = 0; i < Integer.parseInt(args[0]); i++) { t += i % 7; } return args.length == 1 && t > 0;");
        Path program = dir.resolve("sum.chan");
        Files.writeString(program, """
                        let n = int(args()[0]);
                        bench_start();
                        let t = 0; let i = 0; while (i < n) { t += i % 7; i += 1; }
                        bench_stop();
                        print(t);
                        """);
        String[] r = benchWithBaseline("bench", program.toString(), "4", "20000", "--baseline", "Sum", "--baseline-path", dir.toString());
        assertEquals("0", r[0], r[2]);
        Matcher base = Pattern.compile("baseline Sum, one iteration after each run: cpu min ([0-9.]+) ms, median ([0-9.]+) ms; wall min [0-9.]+ ms, "
                        + "median [0-9.]+ ms").matcher(r[1]);
        assertTrue(base.find(), r[1]);
        Matcher ratio = Pattern.compile("cpu time over the baseline's, run by run after warm-up: median ([0-9.]+), min ([0-9.]+), max ([0-9.]+)")
                        .matcher(r[1]);
        assertTrue(ratio.find(), r[1]);
        double median = Double.parseDouble(ratio.group(1));
        assertTrue(Double.parseDouble(ratio.group(2)) <= median && median <= Double.parseDouble(ratio.group(3)), r[1]);
        assertTrue(median > 0, r[1]);
        Matcher fast = Pattern.compile("the same over the ([0-9]+) of 2 pairs whose baseline ran within 10% of its fastest: median ([0-9.]+)")
                        .matcher(r[1]);
        assertTrue(fast.find(), r[1]);
        assertTrue(Integer.parseInt(fast.group(1)) >= 1, "the fastest pair counts itself: " + r[1]);
    }

    @Test
    void aBaselineThatIsMissingOrBreaksTheContractIsAnError() throws IOException {
        Path program = dir.resolve("one.chan");
        Files.writeString(program, "print(1);\n");
        assertBaselineRefused(program, "Nope", 2, "no class Nope in " + dir);
        javaClass("NotAPredicate", "public class NotAPredicate {}\n");
        assertBaselineRefused(program, "NotAPredicate", 2, "NotAPredicate does not implement java.util.function.Predicate<String[]>");
        javaClass("BadInit", "public class BadInit { static { Integer.parseInt(\"x\"); } }\n");
        assertBaselineRefused(program, "BadInit", 2, "cannot load BadInit: java.lang.NumberFormatException: For input string: \"x\"");
        String predicate = " implements java.util.function.Predicate<String[]> { public boolean test(String[] args) { return true; } ";
        javaClass("Private", "public class Private" + predicate + "private Private() {} }\n");
        assertBaselineRefused(program, "Private", 2, "Private has no public constructor without arguments");
        javaClass("Refuses", "public class Refuses" + predicate + "public Refuses() { throw new IllegalStateException(\"no\"); } }\n");
        assertBaselineRefused(program, "Refuses", 2, "Refuses's constructor failed: java.lang.IllegalStateException: no");
    }

    @Test
    void aBaselineThatFailsOrComputesAWrongResultStopsTheBench() throws IOException {
        Path program = dir.resolve("one.chan");
        Files.writeString(program, "print(1);\n");
        baseline("Wrong", "return false;");
        assertBaselineRefused(program, "Wrong", 1, "the baseline Wrong computed a wrong result");
        baseline("Throws", "throw new IllegalStateException(\"no\");");
        assertBaselineRefused(program, "Throws", 1, "the baseline Throws failed: java.lang.IllegalStateException: no");
    }
}
