package chan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.Json;
import chan.testing.TmuxTerminal;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a program's standard output goes, through `./chan` as a real process (ChanContext, StandardOutput):
 * a reader that goes away ends the run, a write that fails is an error, an interrupted run still shows
 * what it printed, and on a terminal each line appears when it is printed. Also a program file the
 * user may not read.
 */
class StandardOutputIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 300;
    /** A program that prints, then computes for ever. */
    private static final String PRINT_THEN_LOOP = "print(\"before the loop\");\nwhile (true) { }\n";

    @TempDir
    Path dir;

    @Test
    void aClosedPipeEndsTheRunQuietlyAsSigpipeWould() throws Exception {
        Path p = program("forever.chan", "let i = 0;\nwhile (true) { print(\"line\", i); i += 1; }\n");
        Process chan = start(p, ProcessBuilder.Redirect.PIPE);
        InputStream out = chan.getInputStream();
        byte[] first = out.readNBytes("line 0\n".length());
        assertEquals("line 0\n", new String(first, UTF_8));
        out.close(); // as `head -1` does
        String err = endsWithStderr(chan);
        assertEquals(141, chan.exitValue(), err);
        assertEquals("", err);
    }

    @Test
    void outputThatCannotBeWrittenIsAnError() throws Exception {
        Path p = program("hello.chan", "print(\"hello\");\n");
        Process chan = start(p, ProcessBuilder.Redirect.to(new File("/dev/full")));
        String err = endsWithStderr(chan);
        assertEquals(1, chan.exitValue(), err);
        assertEquals("chan: cannot write standard output: No space left on device\n", err);
    }

    /** 70 000 bytes of output first: what fills the buffer (64 KB) goes out by itself, the rest only when flushed. */
    private static final String SEVENTY_THOUSAND_BYTES = "for (i in range(0, 7000)) { print(\"123456789\"); }\n";

    /**
     * Runs the program (which prints {@link #SEVENTY_THOUSAND_BYTES} and then loops for ever) and sends
     * it SIGTERM once its first 64 KB have arrived, that is once it is in its loop; returns when it has
     * ended, with 143. Both streams go to files (out.txt, err.txt): Process.destroy closes its pipes.
     */
    private void runThenTerminate(Path program, String... options) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(CHAN.toString(), program.toString()));
        command.addAll(List.of(options));
        Process chan = new ProcessBuilder(command).directory(CHAN.getParent().toFile()).redirectInput(new File("/dev/null"))
                        .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while ((!Files.exists(out) || Files.size(out) < 60_000) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1000); // the program is now in its loop
        chan.destroy(); // SIGTERM
        endsWithStderr(chan);
        assertEquals(143, chan.exitValue(), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void aTerminatedRunStillShowsWhatItPrinted() throws Exception {
        runThenTerminate(program("print_then_loop.chan", SEVENTY_THOUSAND_BYTES + "print(\"last line\");\nwhile (true) { }\n"));
        assertEquals("123456789\n".repeat(7000) + "last line\n", Files.readString(dir.resolve("out.txt")), "the output as printed");
    }

    @Test
    void aTerminatedRunCompletesItsTrace() throws Exception {
        Path trace = dir.resolve("run.json");
        runThenTerminate(program("trace_then_loop.chan", SEVENTY_THOUSAND_BYTES
                        + "let c = chan();\nstart { while (true) { c <- 1; } };\nwhile (true) { <-c; }\n"), "--trace", trace.toString());
        Object json = Json.parse(Files.readString(trace));
        assertTrue(json instanceof java.util.Map<?, ?> m && m.get("traceEvents") instanceof List<?> events && events.size() > 100,
                        "a trace with the run's events in it");
    }

    @Test
    void aTerminatedRunWithStatsPrintsTheStatisticsSoFar() throws Exception {
        runThenTerminate(program("stats_then_loop.chan", SEVENTY_THOUSAND_BYTES
                        + "let c = chan();\nstart on (1) { while (true) { c <- 1; } };\nwhile (true) { <-c; }\n"), "--stats");
        String err = Files.readString(dir.resolve("err.txt"));
        assertTrue(err.startsWith("interrupted: the statistics so far\nmachine uniform, 4 cores, final virtual time "), err);
        assertTrue(err.contains("\n  all "), "the table's total line\n" + err);
    }

    @Test
    void onATerminalEachLineAppearsWhenItIsPrinted() throws Exception {
        Path p = program("print_then_loop.chan", PRINT_THEN_LOOP);
        try (TmuxTerminal terminal = new TmuxTerminal(CHAN + " " + p)) {
            terminal.waitFor("before the loop"); // while the program still runs
            terminal.press("C-c");
        }
    }

    @Test
    void aProgramTheUserMayNotReadIsAnErrorOfItsOwn() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path p = program("secret.chan", "print(1);\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        List<String> command = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")); // root reads anything
        }
        command.addAll(List.of(CHAN.toString(), p.toString()));
        Process chan = new ProcessBuilder(command).directory(CHAN.getParent().toFile()).start();
        String err = endsWithStderr(chan);
        assertEquals(2, chan.exitValue(), err);
        assertEquals("chan: cannot read " + p + ": permission denied\n", err);
    }

    private Path program(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source, UTF_8);
    }

    private static Process start(Path program, ProcessBuilder.Redirect out) throws IOException {
        assertTrue(Files.isExecutable(CHAN), "./chan is missing or not executable: " + CHAN);
        return new ProcessBuilder(CHAN.toString(), program.toString()).directory(CHAN.getParent().toFile())
                        .redirectInput(new File("/dev/null")).redirectOutput(out).start();
    }

    /** Waits for the process to end (a failure if it does not) and returns what it wrote on stderr. */
    private static String endsWithStderr(Process chan) throws InterruptedException, IOException {
        if (!chan.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chan.destroyForcibly();
            throw new AssertionError("./chan did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new String(chan.getErrorStream().readAllBytes(), UTF_8);
    }
}
