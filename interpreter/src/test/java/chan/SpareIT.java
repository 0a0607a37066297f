package chan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chan.testing.ChanProcess;
import chan.testing.TmuxTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spare JVM of `./chan` (docs/launcher.md, "The spare"; chan.launcher.Spare): a run it serves must
 * be the run a JVM of its own makes, byte for byte and exit code for exit code. Each case runs first
 * with CHAN_SPARE=off, then in a spare made ready for it, and the test checks that the spare was the
 * one that ran it (its registration is gone). The build runs every other test with CHAN_SPARE=off.
 */
class SpareIT {
    private static final Path CHAN = ChanProcess.CHAN;
    private static final Path SPARES = CHAN.resolveSibling("interpreter/target/spares");
    private static final long TIMEOUT_SECONDS = ChanProcess.TIMEOUT_SECONDS;

    @TempDir
    Path dir;

    /** The runs a test started and ends itself. */
    private final List<Process> started = new ArrayList<>();

    @Test
    void aSpareRunsAProgramAsAJvmOfItsOwnDoes() throws Exception {
        Path hello = program("hello.chan", "print(\"hello\", args());\n");
        Path failing = program("failing.chan", "print(\"before\");\nfn f(xs) { return xs[5]; }\nprint(f([1]));\n");
        Path syntax = program("syntax.chan", "let x = ;\n");
        Path deadlock = program("deadlock.chan", "let c = chan();\nprint(\"waiting\");\n<-c;\n");
        Path echo = program("echo.chan", "let line = read_line();\nwhile (line != nil) { print(\"got\", line); line = read_line(); }\n");
        Path input = program("input.txt", "first\nsecond\n");
        Path stdinProgram = program("stdin.chan", "print(\"from standard input\", args());\n");
        List<Case> cases = List.of(new Case(null, hello.toString(), "an argument", "", "two  spaces"),
                        new Case(null, failing.toString()), new Case(null, syntax.toString()), new Case(null, deadlock.toString()),
                        new Case(input, echo.toString()), new Case(stdinProgram, "-", "x"), new Case(null, "--cores", "0", hello.toString()),
                        new Case(null, dir.resolve("missing.chan").toString()), new Case(null, "--seed", "3", "--stats", hello.toString()),
                        new Case(program("repl.in", "1 + 2\n"), "--cores", "2", "repl"));
        for (Case c : cases) {
            ChanProcess own = run(c.stdin(), Map.of("CHAN_SPARE", "off"), c.args());
            Path spare = readySpare();
            ChanProcess served = run(c.stdin(), Map.of("CHAN_SPARE", "on"), c.args());
            assertEquals(own, served, String.join(" ", c.args()) + "\n" + own.describe() + "\n--- in a spare ---\n" + served.describe());
            assertFalse(Files.exists(spare), "the spare " + spare + " did not run " + String.join(" ", c.args()));
        }
    }

    private record Case(Path stdin, String... args) {}

    /**
     * A run that comes while the spare compiles its last warm-up program (SpareWarmUp) ends that
     * program and is still the run a JVM of its own makes: its input and output are its own, and a
     * loop long enough to be compiled computes what it computes there.
     */
    @Test
    void aRunThatComesWhileTheSpareCompilesIsTheSameRun() throws Exception {
        Path p = program("loop.chan", "print(\"got\", read_line());\nlet s = 0;\nfor (i in range(0, 3000000)) { s += i % 7; }\n"
                        + "print(s, read_line());\n");
        Path input = program("input.txt", "first\nsecond\n");
        ChanProcess own = run(input, Map.of("CHAN_SPARE", "off"), p.toString());
        Path spare = readySpare();
        waitUntil(() -> Files.exists(spare.resolve("warm-up-compile.chan")), "the spare's compiling warm-up");
        ChanProcess served = run(input, Map.of("CHAN_SPARE", "on"), p.toString());
        assertEquals(own, served, own.describe() + "\n--- in a spare ---\n" + served.describe());
        assertEquals("got first\n8999994 second\n", served.out(), served.describe());
        assertFalse(Files.exists(spare), "the spare " + spare + " did not run it");
    }

    /** Output and error that are one file keep their order: the spare writes both to one descriptor. */
    @Test
    void outputAndErrorInOneFileKeepTheirOrder() throws Exception {
        Path p = program("interleaved.chan", "print(\"one\");\nlet t = start { throw (:failed, 2); };\n<-monitor(t);\n"
                        + "print(\"three\");\nprint([1][4]);\n");
        List<String> command = List.of("bash", "-c", CHAN + " " + p + " 2>&1");
        ChanProcess own = runCommand(command, null, Map.of("CHAN_SPARE", "off"));
        Path spare = readySpare();
        ChanProcess served = runCommand(command, null, Map.of("CHAN_SPARE", "on"));
        assertEquals(own, served, own.describe() + "\n--- in a spare ---\n" + served.describe());
        assertTrue(own.out().startsWith("one\n") && own.out().contains("three\n"), own.describe());
        assertFalse(Files.exists(spare));
    }

    /**
     * Output to a device (/dev/null, /dev/full) the spare opens itself. Repeated: once, the request's
     * own redirection of the script's descriptor 1 was what the spare opened, now and then. The
     * spares here have no compiling warm-up (CHAN_SPARE_COMPILE=0), and each is given two seconds to
     * end the rest: a spare that still warms up takes longer to open the device, which hid that race.
     */
    @Test
    void outputToADeviceGoesToThatDevice() throws Exception {
        Path p = program("both.chan", "print(\"out\");\nlet t = start { throw (:failed, 1); };\n<-monitor(t);\nprint(\"more\");\n");
        Map<String, String> quick = Map.of("CHAN_SPARE", "on", "CHAN_SPARE_COMPILE", "0");
        for (String device : List.of("/dev/null", "/dev/full", "/dev/null", "/dev/full", "/dev/null")) {
            List<String> command = List.of("bash", "-c", CHAN + " " + p + " >" + device);
            ChanProcess own = runCommand(command, null, Map.of("CHAN_SPARE", "off"));
            Path spare = readySpare(quick);
            Thread.sleep(2000);
            ChanProcess served = runCommand(command, null, quick);
            assertEquals(own, served, device + "\n" + own.describe() + "\n--- in a spare ---\n" + served.describe());
            assertEquals(device.equals("/dev/null") ? 0 : 1, served.exit(), served.describe());
            assertFalse(Files.exists(spare));
        }
    }

    /** SIGTERM to the script reaches the program in the spare: it ends, with what it printed. */
    @Test
    void aSignalToTheRunEndsTheProgramInTheSpare() throws Exception {
        // Reading input writes out what was printed: the file then shows that the program runs.
        Path p = program("forever.chan", "print(\"started\");\nread_line();\nwhile (true) { }\n");
        Path spare = readySpare();
        long sparePid = sparePid(spare);
        Path out = dir.resolve("out.txt");
        Process chan = start(List.of(CHAN.toString(), p.toString()), out, Map.of("CHAN_SPARE", "on"));
        started.add(chan);
        waitUntil(() -> Files.readString(out).equals("started\n"), "the program to start");
        assertTrue(Files.exists(spare.resolve("claimed")), () -> "the spare did not run it: " + spares());
        chan.destroy(); // SIGTERM
        assertTrue(chan.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "./chan did not end after SIGTERM");
        assertEquals(143, chan.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals("started\n", Files.readString(out));
        waitUntilGone(sparePid, "the spare to exit");
    }

    /**
     * A run killed outright cannot pass anything on: the spare sees it gone and ends the program, and
     * nothing the run started is left behind.
     */
    @Test
    void aRunKilledOutrightTakesItsProgramWithIt() throws Exception {
        Path p = program("forever.chan", "while (true) { }\n");
        Path spare = readySpare();
        long sparePid = sparePid(spare);
        Process chan = start(List.of(CHAN.toString(), p.toString()), dir.resolve("out.txt"), Map.of("CHAN_SPARE", "on"));
        started.add(chan);
        waitUntil(() -> Files.exists(spare.resolve("claimed")), "the run to claim the spare");
        Thread.sleep(500); // for its copies of the streams to start
        List<ProcessHandle> copies = chan.descendants().toList();
        assertFalse(copies.isEmpty(), "the run has no copies of its streams");
        chan.destroyForcibly();
        waitUntilGone(sparePid, "the spare to exit");
        // The copies of output and error end with the spare; the copy of input, waiting to open its FIFO, is stopped.
        waitUntil(() -> copies.stream().noneMatch(ProcessHandle::isAlive), "the run's copies to end: " + copies);
    }

    /**
     * A spare gone between the run's look at it and its claim (killed from outside): once, the run
     * then waited for ever to open `done`. Before the request, the run starts a JVM of its own; the
     * process here standing for the spare is a zombie, which a signal still reaches.
     */
    @Test
    void aSpareGoneBeforeItsRequestLeavesTheRunToAJvmOfItsOwn() throws Exception {
        Path hello = program("hello.chan", "print(\"hello\");\n");
        // The child ends after bash has become `sleep 600`, which never reaps it: with `sleep 0`, bash
        // itself could reap it first, and its /proc entry was gone before the test looked (CI, 2026-11-28).
        Process zombieParent = new ProcessBuilder("bash", "-c", "sleep 1 & echo $!; exec sleep 600").start();
        started.add(zombieParent);
        long zombie;
        try (var pids = new java.io.BufferedReader(new java.io.InputStreamReader(zombieParent.getInputStream(), UTF_8))) {
            zombie = Long.parseLong(pids.readLine().trim());
        }
        waitUntil(() -> Files.readString(Path.of("/proc/" + zombie + "/stat")).contains(") Z "), "the zombie");
        Path spare = standInFor(readySpare(), zombie);
        ChanProcess run = run(null, Map.of("CHAN_SPARE", "on"), hello.toString());
        assertEquals(0, run.exit(), run.describe());
        assertEquals("hello\n", run.out(), run.describe());
        assertFalse(Files.exists(spare), "the gone spare's files are left: " + spares());
    }

    /** A spare gone after it had the request: the run ends with the launcher's error, without waiting for ever. */
    @Test
    void aSpareGoneDuringTheRunEndsItWithAnError() throws Exception {
        Path hello = program("hello.chan", "print(\"hello\");\n");
        Process standIn = new ProcessBuilder("sleep", "600").start();
        started.add(standIn);
        Path spare = standInFor(readySpare(), standIn.pid());
        Process chan = start(List.of(CHAN.toString(), hello.toString()), dir.resolve("out.txt"), Map.of("CHAN_SPARE", "on"));
        started.add(chan);
        waitUntil(() -> Files.exists(spare.resolve("claimed")), "the run to claim the spare");
        Thread.sleep(1500);
        assertTrue(chan.isAlive(), "the run did not wait for the spare it claimed");
        standIn.destroyForcibly();
        assertTrue(chan.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the run waits for a spare that is gone");
        assertEquals(70, chan.exitValue());
        assertTrue(Files.readString(dir.resolve("err.txt")).contains("ended without an exit status"),
                        () -> "error: " + dir.resolve("err.txt"));
    }

    /**
     * The spare's status line may reach the run in pieces: bash reads a FIFO a byte at a time, and a
     * `read -t 1` that timed out within the line kept the part it had read, so the next read got only
     * the rest (under load a run once exited with `exit: eclined: numeric argument required`). A
     * stand-in for the spare writes the status 42 as "4", then, past the read's timeout, "2\n": the
     * run must exit 42, not 2. The stand-in takes the request as a spare does, writes the program's
     * output, and closes the error stream.
     */
    @Test
    void aStatusLineThatComesInTwoPiecesIsReadWhole() throws Exception {
        Path hello = program("hello.chan", "print(\"hello\");\n");
        Path spare = readySpare();
        String standInScript = """
                        d=$1
                        exec 5<>"$d/go"                       # before the run writes its request, or it is lost
                        echo listening
                        read -r -d '' -u 5 version            # the request's first field
                        exec 3>"$d/done"
                        printf 'from the stand-in\\n' > "$d/out"
                        : > "$d/err"
                        printf 4 >&3
                        sleep 2.5                             # past the run's one-second read, twice
                        printf '2\\n' >&3
                        """;
        Process standIn = new ProcessBuilder("bash", "-c", standInScript, "stand-in", spare.toString()).redirectErrorStream(true).start();
        started.add(standIn);
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(standIn.getInputStream(), UTF_8))) {
            assertEquals("listening", lines.readLine(), "the stand-in did not start");
            standInFor(spare, standIn.pid());
            Process chan = start(List.of(CHAN.toString(), hello.toString()), dir.resolve("out.txt"), Map.of("CHAN_SPARE", "on"));
            started.add(chan);
            assertTrue(chan.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the run did not end");
            assertEquals(42, chan.exitValue(), () -> "the status line was read in part; error: " + read(dir.resolve("err.txt")));
            assertEquals("from the stand-in\n", Files.readString(dir.resolve("out.txt")), "the stand-in was not the one that ran it");
            assertEquals("", Files.readString(dir.resolve("err.txt")));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Where the spares' directory cannot be made (here a file is in its place; so it is for a user
     * who may not write target/), a run uses no spare and runs as it would without.
     */
    @Test
    void aRunWhereNoSpareCanBeKeptRunsWithout() throws Exception {
        Path hello = program("hello.chan", "print(\"hello\");\n");
        killSpares();
        Files.deleteIfExists(SPARES.resolve("started"));
        Files.deleteIfExists(SPARES);
        Files.writeString(SPARES, "not a directory\n");
        try {
            ChanProcess run = run(null, Map.of("CHAN_SPARE", "on"), hello.toString());
            assertEquals(new ChanProcess(0, "hello\n", ""), run, run.describe());
        } finally {
            Files.delete(SPARES);
        }
    }

    /**
     * Kills the ready spare and registers the process `pid` in its place: the run then finds
     * everything as a spare killed from outside just now leaves it.
     */
    private static Path standInFor(Path spare, long pid) throws Exception {
        long sparePid = sparePid(spare);
        ProcessHandle.of(sparePid).ifPresent(ProcessHandle::destroyForcibly);
        waitUntilGone(sparePid, "the spare to be killed");
        Path key = keyFile(spare);
        List<String> lines = Files.readAllLines(key);
        Files.writeString(key, lines.get(0) + "\n" + pid + "\n");
        return spare;
    }

    /**
     * On a terminal the spare writes to the terminal itself, line by line, reads a line typed there,
     * and Ctrl-C ends the run with 130.
     */
    @Test
    void onATerminalLinesAppearAsPrintedAndCtrlCEndsTheRun() throws Exception {
        Path p = program("print_then_loop.chan", "print(\"before the loop\");\nprint(\"got\", read_line());\nwhile (true) { }\n");
        Path spare = readySpare();
        // The terminal's shell gets the tmux server's environment: the spare's key asks for this one's.
        StringBuilder unset = new StringBuilder();
        StringBuilder set = new StringBuilder(" CHAN_SPARE=on");
        for (String name : List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ", "CHAN_DUMP_BYTECODE", "CHAN_JAVA_OPTS", "CHAN_SPARE_IDLE", "CHAN_SPARE_COMPILE")) {
            String value = System.getenv(name);
            if (value == null || name.startsWith("CHAN_")) {
                unset.append(" -u ").append(name);
            } else {
                set.append(" ").append(name).append("='").append(value).append("'");
            }
        }
        String environment = "cd " + CHAN.getParent() + " && env" + unset + set;
        try (TmuxTerminal terminal = new TmuxTerminal(environment + " " + CHAN + " " + p + "; echo \"exit $?\"; sleep 600")) {
            terminal.waitFor("before the loop"); // while the program still runs: not buffered to the end
            assertTrue(Files.exists(spare.resolve("claimed")), "the spare did not run it");
            terminal.line("typed here"); // the spare reads the terminal itself
            terminal.waitFor("got typed here");
            terminal.press("C-c");
            terminal.waitFor("exit 130");
        }
    }

    /** Unclaimed, a spare leaves after CHAN_SPARE_IDLE seconds, and takes its files with it. */
    @Test
    void anUnclaimedSpareLeavesAfterItsIdleTime() throws Exception {
        run(null, Map.of("CHAN_SPARE", "on", "CHAN_SPARE_IDLE", "3"), program("hello.chan", "print(1);\n").toString());
        // The script writes a registration in two steps (open, then write): read it once it is whole.
        waitUntil(() -> keyFiles().stream().anyMatch(k -> sparePidOf(k).isPresent()), "a spare to start");
        Path key = keyFiles().stream().filter(k -> sparePidOf(k).isPresent()).findFirst().orElseThrow();
        long sparePid = sparePidOf(key).orElseThrow();
        waitUntilGone(sparePid, "the idle spare to exit");
        assertFalse(Files.exists(key));
        assertFalse(Files.exists(Path.of(key.toString().replaceFirst("\\.key$", ""))));
    }

    /**
     * Spares left from before (by runs of an earlier build: the jar is newer than they are) are
     * not the tests' to use: the first run would find them stale and remove them.
     */
    @BeforeAll
    static void removeEarlierSpares() throws IOException {
        killSpares();
    }

    /**
     * No spare outlives the tests. Twice: a run's next spare starts a moment after it ends (and after
     * its JVM has exited), so one may still be on its way.
     */
    @AfterEach
    void removeSpares() throws IOException, InterruptedException {
        started.forEach(Process::destroyForcibly); // a test that failed half-way
        killSpares();
        Thread.sleep(1000);
        killSpares();
    }

    private static void killSpares() throws IOException {
        for (Path key : keyFiles()) {
            sparePidOf(key).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
            Path spare = Path.of(key.toString().replaceFirst("\\.key$", ""));
            try (Stream<Path> files = Files.exists(spare) ? Files.walk(spare) : Stream.empty()) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(key);
        }
    }

    /** Makes sure a spare for a plain run from the repository root is ready, and returns its directory. */
    private Path readySpare() throws Exception {
        return readySpare(Map.of("CHAN_SPARE", "on"));
    }

    /** The same for runs with the environment {@code on}, which may set CHAN_SPARE_COMPILE. */
    private Path readySpare(Map<String, String> on) throws Exception {
        String compile = on.containsKey("CHAN_SPARE_COMPILE") ? "-Dchan.spare.compileSeconds=" + on.get("CHAN_SPARE_COMPILE") : null;
        Optional<Path> ready = findReady(compile);
        if (ready.isPresent()) {
            return ready.get();
        }
        run(null, on, program("warm.chan", "print(1);\n").toString()); // its JVM's own: a spare starts after it
        return waitForSpare(compile);
    }

    private Path waitForSpare(String compile) throws Exception {
        Path[] found = new Path[1];
        waitUntil(() -> {
            found[0] = findReady(compile).orElse(null);
            return found[0] != null;
        }, "a spare to be ready");
        return found[0];
    }

    /**
     * A spare ready and unclaimed, started with {@code compile} (the option CHAN_SPARE_COMPILE sets) or,
     * when that is null, without it. Not one started with CHAN_SPARE_IDLE, which no other run here can claim.
     */
    private static Optional<Path> findReady(String compile) throws IOException {
        for (Path key : keyFiles()) {
            Path spare = Path.of(key.toString().replaceFirst("\\.key$", ""));
            String registration = Files.readString(key);
            List<String> options = List.of(registration.split("\\s+"));
            boolean started = compile == null ? options.stream().noneMatch(o -> o.startsWith("-Dchan.spare.compileSeconds=")) : options.contains(compile);
            if (Files.exists(spare.resolve("ready")) && !Files.exists(spare.resolve("claimed"))
                            && !registration.contains("-Dchan.spare.idleSeconds=") && started) {
                return Optional.of(spare);
            }
        }
        return Optional.empty();
    }

    /** What the spares' directory holds, for a failure's message. */
    private static String spares() {
        try (Stream<Path> files = Files.walk(SPARES)) {
            StringBuilder text = new StringBuilder();
            for (Path f : files.toList()) {
                text.append("\n").append(SPARES.relativize(f));
                if (f.toString().endsWith(".key")) {
                    text.append(": ").append(Files.readString(f).replace("\n", " | "));
                }
            }
            return text.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<Path> keyFiles() throws IOException {
        if (!Files.isDirectory(SPARES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SPARES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".key")).toList();
        }
    }

    private static Path keyFile(Path spare) {
        return spare.resolveSibling(spare.getFileName() + ".key");
    }

    private static long sparePid(Path spare) throws IOException {
        return sparePidOf(keyFile(spare)).orElseThrow(() -> new AssertionError("no pid for " + spare));
    }

    /** The registration's second line: the pid of the spare's JVM. */
    private static Optional<Long> sparePidOf(Path key) {
        try {
            List<String> lines = Files.readAllLines(key);
            return lines.size() < 2 ? Optional.empty() : Optional.of(Long.parseLong(lines.get(1).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntilGone(long pid, String what) throws Exception {
        waitUntil(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), what);
    }

    private static void waitUntil(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + TIMEOUT_SECONDS + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private Path program(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source, UTF_8);
    }

    private ChanProcess run(Path stdin, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHAN.toString()));
        command.addAll(List.of(args));
        return runCommand(command, stdin, environment);
    }

    private Process start(List<String> command, Path out, Map<String, String> environment) throws IOException {
        var builder = new ProcessBuilder(command).directory(CHAN.getParent().toFile()).redirectOutput(out.toFile())
                        .redirectError(dir.resolve("err.txt").toFile()).redirectInput(Path.of("/dev/null").toFile());
        builder.environment().remove("CHAN_JAVA_OPTS");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs the command; CHAN_JAVA_OPTS empty, since a spare never serves a run that sets it. */
    private ChanProcess runCommand(List<String> command, Path stdin, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("CHAN_JAVA_OPTS", "");
        return ChanProcess.run(command, stdin, all, dir);
    }
}
