package chan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chan.testing.ChanProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few programs run through `./chan` (the script at the repository root, the working directory) as a
 * real process, as a user runs them: exit codes, the two streams, the error format of docs/errors.md.
 * A missing `./chan` fails every test here: nothing is skipped.
 */
class LauncherProcessIT {
    private static final Path CHAN = ChanProcess.CHAN;

    @TempDir
    Path dir;

    /**
     * Under LANG=C the JVM writes file names in ASCII: a non-ASCII name given on the command line or in
     * the environment is no path there (Path.of throws), which was a Java stack trace or an internal error.
     */
    @Test
    void aFileNameTheLocaleCannotWriteIsAUsageError() throws Exception {
        String hello = program("hello.chan", "print(\"hello\");\n").toString();
        Map<String, String> ascii = Map.of("LC_ALL", "C", "LANG", "C");
        String[][] cases = {{"chan: cannot read ", "caf\u00e9.chan"}, {"chan: cannot write trace file ", hello, "--trace", "caf\u00e9.json"},
            {"chan: cannot read machine file ", hello, "--machine", "caf\u00e9.machine"}, {"chan: --path ", hello, "--path", "caf\u00e9"},
            {"chan test: not a directory or a .chan program: ", "test", "caf\u00e9"}};
        for (String[] c : cases) {
            ChanProcess run = run(null, null, ascii, Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, run.exit(), run.describe());
            assertTrue(run.err().startsWith(c[0]) && run.err().contains("the locale's encoding cannot write it as a file name")
                            && run.err().lines().count() == 1, run.describe());
        }
        // CHAN_HISTORY is only used at a terminal (ReplStartIT has that case): a piped session ignores it.
        Path repl = program("repl.in", "1 + 1\n");
        Map<String, String> history = Map.of("LC_ALL", "C", "LANG", "C", "CHAN_HISTORY", dir.resolve("caf\u00e9").toString());
        ChanProcess run = run(repl, null, history, "repl");
        assertEquals(0, run.exit(), run.describe());
        assertTrue(run.out().contains("chan> 2\n"), run.describe());
    }

    /** docs/repl.md: input from a file or a pipe is read without history; a script's lines never reach the user's. */
    @Test
    void aSessionFromAFileKeepsNoHistory() throws Exception {
        Path history = dir.resolve("history");
        ChanProcess run = run(program("session.in", "let x = 20;\nx + 22\n"), null, Map.of("CHAN_HISTORY", history.toString()), "repl");
        assertEquals(0, run.exit(), run.describe());
        assertTrue(run.out().contains("chan> 42\n"), run.describe());
        assertEquals("", run.err(), run.describe());
        assertFalse(Files.exists(history), "the session wrote a history file: " + history);
    }

    @Test
    void helloWorld() throws Exception {
        ChanProcess run = chan(null, program("hello.chan", "print(\"hello, world\");\n").toString());
        assertEquals(0, run.exit(), run.describe());
        assertEquals("hello, world\n", run.out(), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    @Test
    void syntaxErrorExits2WithTheLineAndACaret() throws Exception {
        Path p = program("bad.chan", "let x = 1;\nprint(1 +);\n");
        ChanProcess run = chan(null, p.toString());
        assertEquals(2, run.exit(), run.describe());
        assertEquals("", run.out(), run.describe());
        assertErrorAt(run, p + ":2:10: syntax error: ", "print(1 +);", 10);
    }

    @Test
    void runtimeErrorExits1AfterTheOutputSoFar() throws Exception {
        Path p = program("div.chan", "print(\"before\");\nlet z = 0;\nprint(7 / z);\n");
        ChanProcess run = chan(null, p.toString());
        assertEquals(1, run.exit(), run.describe());
        assertEquals("before\n", run.out(), run.describe());
        assertErrorAt(run, p + ":3:", "print(7 / z);", 9);
        assertTrue(run.err().lines().findFirst().orElse("").endsWith("error: division by zero"), run.describe());
        assertTrue(run.err().contains("at <main> (" + p + ":3:"), "a .chan stack trace\n" + run.describe());
    }

    /** `chmod +x prog.chan; ./prog.chan a`: the kernel runs chan on it through its `#!` line, which the language skips. */
    @Test
    void anExecutableProgramRunsThroughItsShebangLine() throws Exception {
        Path p = program("prog.chan", "#!/usr/bin/env chan\nprint(args());\nprint(1 / 0);\n");
        assertTrue(p.toFile().setExecutable(true), "chmod +x " + p);
        Map<String, String> path = Map.of("PATH", CHAN.getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        ChanProcess run = runCommand(List.of(p.toString(), "a"), null, null, path);
        assertEquals(1, run.exit(), run.describe());
        assertEquals("[\"a\"]\n", run.out(), run.describe());
        assertErrorAt(run, p + ":3:9: error: division by zero", "print(1 / 0);", 9);
    }

    @Test
    void argumentsAndStandardInputReachTheProgram() throws Exception {
        Path p = program("echo.chan", "print(args());\nprint(read_line());\nprint(read_line());\n");
        Path in = Files.writeString(dir.resolve("in.txt"), "first line\n", UTF_8);
        ChanProcess run = chan(in, p.toString(), "a", "--seed", "3", "b", "--", "--cores", "c");
        assertEquals(0, run.exit(), run.describe());
        assertEquals("[\"a\", \"b\", \"--cores\", \"c\"]\nfirst line\nnil\n", run.out(), run.describe());
    }

    @Test
    void aProgramOnStandardInputRunsWithItsArgumentsAndOptions() throws Exception {
        Path in = Files.writeString(dir.resolve("prog.txt"), "print(\"from stdin\", args(), cores(), read_line());\n", UTF_8);
        ChanProcess run = chan(in, "--seed", "3", "-", "a", "--cores", "2", "b", "--", "--stats");
        assertEquals(0, run.exit(), run.describe());
        assertEquals("from stdin [\"a\", \"b\", \"--stats\"] 2 nil\n", run.out(), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    @Test
    void aSyntaxErrorOnStandardInputNamesStdin() throws Exception {
        ChanProcess run = chan(Files.writeString(dir.resolve("bad.txt"), "let x = 1;\nprint(1 +);\n", UTF_8), "-");
        assertEquals(2, run.exit(), run.describe());
        assertEquals("", run.out(), run.describe());
        assertErrorAt(run, "<stdin>:2:10: syntax error: ", "print(1 +);", 10);
    }

    @Test
    void aRuntimeErrorOnStandardInputExits1() throws Exception {
        ChanProcess run = chan(Files.writeString(dir.resolve("div.txt"), "print(\"before\");\nlet z = 0;\nprint(7 / z);\n", UTF_8), "-");
        assertEquals(1, run.exit(), run.describe());
        assertEquals("before\n", run.out(), run.describe());
        assertErrorAt(run, "<stdin>:3:9: error: division by zero", "print(7 / z);", 9);
        assertTrue(run.err().contains("at <main> (<stdin>:3:9)"), "a .chan stack trace\n" + run.describe());
    }

    @Test
    void testCommandReportsEachFailureAndATotal() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("good.chan"), "// passes\nprint(1 + 1);\n", UTF_8);
        Files.writeString(suite.resolve("good.out"), "2\n", UTF_8);
        Files.writeString(suite.resolve("bad.chan"), "// fails: wrong expectation\nprint(3);\n", UTF_8);
        Files.writeString(suite.resolve("bad.out"), "4\n", UTF_8);
        ChanProcess run = chan(null, "test", suite.toString());
        assertEquals(1, run.exit(), run.describe());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("FAIL " + suite.resolve("bad.chan") + ": stdout line 1: expected \"4\", got \"3\"",
                "1 passed, 1 failed"), lines, run.describe());
    }

    /** Checks `PREFIX…` on the first line of stderr, the source line, and a caret under the column. */
    private static void assertErrorAt(ChanProcess run, String prefix, String source, int column) {
        List<String> err = run.err().lines().toList();
        assertTrue(err.size() >= 3, "error line, source line and caret\n" + run.describe());
        assertTrue(err.get(0).startsWith(prefix), "expected '" + prefix + "…'\n" + run.describe());
        int at = err.get(1).indexOf(source);
        assertTrue(at >= 0, "the source line\n" + run.describe());
        assertEquals(" ".repeat(at + column - 1) + "^", err.get(2).stripTrailing(), "the caret\n" + run.describe());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "a Java stack trace\n" + run.describe());
    }

    private Path program(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source, UTF_8);
    }

    @Test
    void experimentalEngineOptionsFromJavaOptionsAreAccepted() throws Exception {
        // bench/README.md looks at the JIT this way; an experimental option was an internal error.
        assertHelloRunsWith("-Dpolyglot.engine.BackgroundCompilation=false -Dpolyglot.engine.TraceTransferToInterpreter=true");
    }

    @Test
    void truffleLoadsTheAttachLibraryTheBuildUnpacked() throws Exception {
        // Start-up (bench/README.md): the launcher names the library, so Truffle skips its resource cache.
        ChanProcess run = chanWith("-Xlog:library=info", program("hello.chan", "print(\"hello\");\n").toString());
        assertEquals(0, run.exit(), run.describe());
        String unpacked = CHAN.getParent().resolve("interpreter/target/truffleattach").toString();
        assertTrue(run.out().lines().anyMatch(l -> l.contains("Loaded library " + unpacked) && l.contains("truffleattach")),
                        "the attach library loaded from " + unpacked + "\n" + run.describe());
    }

    @Test
    void runsTakeHugePagesWhereTheKernelLeavesThemToTheProgramAndBenchDoesNot() throws Exception {
        // The launcher's memory options (bench/README.md, Start-up, "Transparent huge pages"): a run
        // asks for huge pages exactly when the kernel's mode is madvise; `chan bench` pre-touches instead.
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
        String hello = program("hello.chan", "print(\"hello\");\n").toString();
        ChanProcess run = chanWith("-XX:+PrintFlagsFinal", hello);
        assertEquals(0, run.exit(), run.describe());
        assertEquals(madvise, flagIsOn(run, "UseTransparentHugePages"), "huge pages in a run, kernel mode madvise: " + madvise);
        assertFalse(flagIsOn(run, "AlwaysPreTouch"), run.describe());
        ChanProcess bench = chanWith("-XX:+PrintFlagsFinal", "bench", hello, "2");
        assertEquals(0, bench.exit(), bench.describe());
        assertFalse(flagIsOn(bench, "UseTransparentHugePages"), "no huge pages in chan bench");
        assertTrue(flagIsOn(bench, "AlwaysPreTouch"), "chan bench pre-touches its heap");
    }

    /** Whether -XX:+PrintFlagsFinal's table in the run's output has the boolean {@code flag} on. */
    private static boolean flagIsOn(ChanProcess run, String flag) {
        Pattern line = Pattern.compile("^\\s*bool " + flag + "\\s+= (true|false)\\s", Pattern.MULTILINE);
        var found = line.matcher(run.out());
        assertTrue(found.find(), flag + " missing from the flags\n" + run.describe());
        return found.group(1).equals("true");
    }

    @Test
    void recursiveCallsInlineThreeLevelsDeepUnlessTheJavaOptionsSayOtherwise() throws Exception {
        // EngineDefaults: the launcher's compiler.InliningRecursionDepth (bench/README.md), and the
        // -Dpolyglot.* that overrides it.
        Path p = program("rec.chan", """
                        fn depth(n) {
                          if (n == 0) {
                            return 0;
                          }
                          return depth(n - 1) + 1;
                        }
                        let i = 0;
                        let s = 0;
                        while (i < 3000) {
                          s += depth(10);
                          i += 1;
                        }
                        print(s);
                        """);
        String trace = "-Dpolyglot.engine.MultiTier=false -Dpolyglot.engine.BackgroundCompilation=false "
                        + "-Dpolyglot.compiler.TraceInlining=true";
        Pattern thirdLevel = Pattern.compile("Inlined +depth .*\\|Recursion Depth +3\\|");
        ChanProcess byDefault = chanWith(trace, p.toString());
        assertEquals(0, byDefault.exit(), byDefault.describe());
        assertEquals("30000\n", byDefault.out(), byDefault.describe());
        assertTrue(thirdLevel.matcher(byDefault.err()).find(), "a third level inlined\n" + byDefault.describe());
        ChanProcess overridden = chanWith(trace + " -Dpolyglot.compiler.InliningRecursionDepth=2", p.toString());
        assertEquals(0, overridden.exit(), overridden.describe());
        assertEquals("30000\n", overridden.out(), overridden.describe());
        assertFalse(thirdLevel.matcher(overridden.err()).find(), "no third level\n" + overridden.describe());
    }

    @Test
    void programsRunOnTruffleFallbackRuntimeToo() throws Exception {
        // Without the Graal compiler its options are unknown: the launcher's defaults must not ask for them.
        assertHelloRunsWith("-Dtruffle.UseFallbackRuntime=true -Dpolyglot.engine.WarnInterpreterOnly=false");
    }

    /** A hello program run with these Java options exits 0 having printed its line, and nothing else on stdout. */
    private void assertHelloRunsWith(String javaOptions) throws Exception {
        ChanProcess run = chanWith(javaOptions, program("hello.chan", "print(\"hello\");\n").toString());
        assertEquals(0, run.exit(), run.describe());
        assertEquals("hello\n", run.out(), run.describe());
    }

    @Test
    void runningOutOfMemoryIsAnErrorAfterTheOutputSoFar() throws Exception {
        Path p = program("big.chan", "print(\"before\");\nlet a = array(1000000000, 1.5);\nprint(len(a));\n");
        assertOutOfMemoryAfterBefore(chanWith("-Xmx64m", p.toString()), 64);
    }

    /**
     * In the REPL, an input that fills the heap gets the same error, and the session goes on (found
     * by feeding mutants to the REPL: the session ended with "internal error: java.lang.OutOfMemoryError", exit 70).
     */
    @Test
    void runningOutOfMemoryInTheReplEndsOnlyThatInput() throws Exception {
        Path input = program("big.repl", "print(\"before\");\nlet a = array(1000000000, 1.5);\nprint(\"after\");\n");
        ChanProcess run = run(input, "-Xmx64m", "repl");
        assertEquals(0, run.exit(), run.describe());
        assertTrue(run.out().contains("before\n") && run.out().contains("after\n"), run.describe());
        assertEquals("error: out of memory: the program needs more than the 64 MB heap (give it more with CHAN_JAVA_OPTS=-Xmx1g, for example)\n",
                        run.err(), run.describe());
    }

    /**
     * A string past the longest the JVM holds whatever its characters (a billion: StringLimit) is the
     * language error `string too long`, which a program catches like any other, where the JVM's
     * failure read as a full heap (and suggested a smaller one): from `+`, `join`, `print`'s line and
     * `str`; and an uncaught throw of a value whose display form is that long still reports the throw
     * and where it was. The heap is large enough for the strings, so nothing here is a full heap.
     */
    @Test
    void aStringPastTheLimitIsACatchableError() throws Exception {
        Path p = program("long.chan", """
                        let s = "x";
                        let n = 1;
                        while (n < 536870912) { s = s + s; n = n * 2; }
                        print(len(s));
                        try { s = s + s + "y"; } catch (e) { print(e); }
                        try { join([s, s], ""); } catch (e) { print(e); }
                        try { print(s, s); } catch (e) { print(e); }
                        print(len(s + slice(s, 0, 10)));
                        let t = s + slice(s, 0, 463129087); // one character short of the limit
                        try { str([t]); } catch (e) { print(e); } // quoted: two more
                        throw [t];
                        """);
        ChanProcess run = chanWith("-Xmx3g", p.toString());
        String tooLong = "string too long: a string holds at most 1000000000 characters";
        String caught = "(:error, \"" + tooLong + "\")\n";
        assertEquals(1, run.exit(), run.describe());
        assertEquals("536870912\n" + caught + caught + caught + "536870922\n" + caught, run.out(), run.describe());
        assertTrue(run.err().startsWith(p + ":11:1: error: uncaught throw: a value too long to show (" + tooLong + ")\n"), run.describe());
    }

    /**
     * A line of standard input past the limit is the same error, at read_line, after the line has been
     * read to its end without being kept: the next read_line reads the line after it. Before, the
     * line became a string over the limit (or filled the heap), which the next `+` refused.
     */
    @Test
    void aLinePastTheLimitIsACatchableErrorAndTheNextLineFollows() throws Exception {
        Path input = dir.resolve("long.txt");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(input), 1 << 20)) {
            byte[] block = "x".repeat(1 << 20).getBytes(UTF_8);
            for (long left = chan.values.StringLimit.MAX_LENGTH + 1L; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(left, block.length));
            }
            out.write("\nnext\n".getBytes(UTF_8));
        }
        Path p = program("lines.chan", "try { read_line(); } catch (e) { print(e); }\nprint(read_line(), read_line());\n");
        ChanProcess run = run(input, "-Xmx3g", p.toString());
        assertEquals(0, run.exit(), run.describe());
        assertEquals("(:error, \"string too long: a string holds at most 1000000000 characters\")\nnext nil\n", run.out(), run.describe());
    }

    /** Standard input that is a directory: read_line's error says why, with the operating system's words. */
    @Test
    void standardInputThatIsADirectoryIsAnErrorAtReadLine() throws Exception {
        Path p = program("read.chan", "print(read_line());\n");
        // The shell opens the directory: ProcessBuilder's redirection refuses to.
        ChanProcess run = runCommand(List.of("/bin/sh", "-c", "exec \"$0\" \"$1\" < \"$2\"", CHAN.toString(), p.toString(), dir.toString()),
                        null, null, Map.of());
        assertEquals(1, run.exit(), run.describe());
        assertTrue(run.err().startsWith(p + ":1:7: error: cannot read standard input: Is a directory\n"), run.describe());
    }

    @Test
    void aHeapFilledByThreadsIsTheSameError() throws Exception {
        // The heap fills while threads are being made, and reporting it must not need the heap itself.
        Path p = program("threads.chan", "let c = chan();\nprint(\"before\");\nwhile (true) { start { <-c; }; }\n");
        assertOutOfMemoryAfterBefore(chanWith("-Xmx160m", p.toString()), 160);
    }

    /**
     * Live data that grows without end fills the heap slowly enough that each full collection frees
     * a little: with the JDK's own overhead limit (98% of the time in pauses, 2% free), 128 MB of a
     * list grown by push took 113 to 114 full collections and 20 to 23 s before the error; with the
     * launcher's (80/10), 10 to 13 and 6 to 7.5 s (4 when lists were pcollections' trees, whose
     * pushes left less garbage beside the live list). Counted in the collector's log, which does not
     * depend on how fast this machine is.
     */
    @Test
    void runawayGrowthIsOutOfMemoryAfterAFewFullCollections() throws Exception {
        Path p = program("grow.chan", "print(\"before\");\nlet keep = [];\nlet i = 0;\nwhile (true) { keep = push(keep, i); i = i + 1; }\n");
        Path log = dir.resolve("gc.log");
        assertOutOfMemoryAfterBefore(chanWith("-Xmx128m -Xlog:gc:file=" + log, p.toString()), 128);
        long fullCollections = Files.readAllLines(log).stream().filter(l -> l.contains("Pause Full")).count();
        assertTrue(fullCollections <= 20, fullCollections + " full collections before the error");
    }

    @Test
    void aProgramThatHoldsMuchOfTheHeapSteadilyCompletes() throws Exception {
        // 1.3 million list elements stay live (most of 128 MB) while as many again are made and dropped.
        Path p = program("steady.chan", """
                        let keep = [];
                        for (i in range(0, 1300000)) { keep = push(keep, i); }
                        let churned = 0;
                        for (round in range(0, 20)) {
                          let garbage = [];
                          for (i in range(0, 100000)) { garbage = push(garbage, i); }
                          churned = churned + len(garbage);
                        }
                        print(len(keep), churned);
                        """);
        ChanProcess run = chanWith("-Xmx128m", p.toString());
        assertEquals(0, run.exit(), run.describe());
        assertEquals("1300000 2000000\n", run.out(), run.describe());
    }

    /** The run printed "before", then stopped with the out-of-memory error of a heap of that many MB, and nothing else. */
    private static void assertOutOfMemoryAfterBefore(ChanProcess run, int heapMegabytes) {
        assertEquals(1, run.exit(), run.describe());
        assertEquals("before\n", run.out(), run.describe());
        assertEquals("error: out of memory: the program needs more than the " + heapMegabytes + " MB heap (give it more with"
                        + " CHAN_JAVA_OPTS=-Xmx1g, for example)\n", run.err(), run.describe());
    }

    @Test
    void aChooseInALoopLeavesNoTimerBehind() throws Exception {
        // Each choose arms a timer a billion cycles away and takes the channel instead: the timers it
        // did not take are cancelled, where 400 000 of them once filled this heap.
        Path p = program("after_loop.chan", "let c = chan(1);\nfor (i in range(0, 400000)) {\n  c <- i;\n"
                        + "  choose { option <-c: { } option after(1000000000): { } }\n}\nprint(\"done\");\n");
        ChanProcess run = chanWith("-Xmx48m", p.toString());
        assertEquals(0, run.exit(), run.describe());
        assertEquals("done\n", run.out(), run.describe());
    }

    private ChanProcess chan(Path stdin, String... args) throws IOException, InterruptedException {
        return run(stdin, null, args);
    }

    private ChanProcess chanWith(String javaOptions, String... args) throws IOException, InterruptedException {
        return run(null, javaOptions, args);
    }

    private ChanProcess run(Path stdin, String javaOptions, String... args) throws IOException, InterruptedException {
        return run(stdin, javaOptions, Map.of(), args);
    }

    private ChanProcess run(Path stdin, String javaOptions, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(CHAN), "./chan is missing at the repository root " + CHAN.getParent());
        assertTrue(Files.isExecutable(CHAN), "./chan is not executable: " + CHAN);
        List<String> command = new ArrayList<>(List.of(CHAN.toString()));
        command.addAll(List.of(args));
        return runCommand(command, stdin, javaOptions, environment);
    }

    /** Runs {@code command} from the repository root, its standard input {@code stdin} (or nothing), and waits for it. */
    private ChanProcess runCommand(List<String> command, Path stdin, String javaOptions, Map<String, String> environment)
                    throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(environment);
        if (javaOptions != null) {
            all.putIfAbsent("CHAN_JAVA_OPTS", javaOptions);
        }
        return ChanProcess.run(command, stdin, all, dir);
    }
}
