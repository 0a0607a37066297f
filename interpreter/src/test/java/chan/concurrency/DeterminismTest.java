// Checks that a racy program (many threads, choose) is a pure function of its seed: same seed, same output and trace; other seeds, other interleavings.
package chan.concurrency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.RunChan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    /**
     * Eight producers on four cores race to send on four channels; main takes 200 values with a
     * choose over all four and prints who won each round, then rand() draws. Every line depends on
     * the seed through the choose picks.
     */
    private static final String RACY = """
            // racy: producers race, a choose picks
            let chans = [chan(), chan(), chan(), chan()];
            for (p in range(0, 8)) {
              let c = chans[p % 4];
              start on (p % 4) { let i = 0; while (true) { c <- (p, i); i = i + 1; } };
            }
            let line = "";
            for (round in range(0, 200)) {
              choose {
                option for (c in chans) (p, i) = <-c: { line = line + str(p); }
                option after(50): { line = line + "."; }
              }
              if (round % 50 == 49) { print(line, now()); line = ""; }
            }
            print(rand(1000000), rand(1000000));
            """;

    @TempDir
    Path dir;

    @Test
    void sameSeedSameOutputAndSameTrace() throws IOException {
        Path program = write();
        RunChan a = RunChan.run(RunChan.args(program.toString(), "--seed", "42", "--trace", dir.resolve("a.json").toString()));
        RunChan b = RunChan.run(RunChan.args(program.toString(), "--seed", "42", "--trace", dir.resolve("b.json").toString()));
        assertEquals(0, a.exit(), a.err());
        assertEquals("", a.err());
        assertEquals(5, a.out().lines().count(), a.out());
        assertEquals(a.out(), b.out());
        String traceA = Files.readString(dir.resolve("a.json"), UTF_8);
        assertTrue(traceA.contains("\"ph\":\"X\""), "the trace has slices");
        assertEquals(traceA, Files.readString(dir.resolve("b.json"), UTF_8));
    }

    /**
     * The runs `chan bench` makes one after another in one context share the context's meter (the
     * running core and the quantum's end that every charge reads): each must be the run a fresh
     * process makes, virtual times, choose picks and statistics included.
     */
    @Test
    void runsOneAfterAnotherInOneContextAreEachTheFreshRun() throws IOException {
        Path program = write();
        RunChan fresh = RunChan.run(RunChan.args(program.toString(), "--seed", "42", "--stats"));
        assertEquals(0, fresh.exit(), fresh.err());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("chan").out(out).err(err).option("chan.Seed", "42").option("chan.Stats", "true").build()) {
            Source source = Source.newBuilder("chan", program.toFile()).build();
            for (int run = 1; run <= 3; run++) {
                out.reset();
                err.reset();
                assertEquals(0, context.eval(source).asInt(), err.toString(UTF_8));
                assertEquals(fresh.out(), out.toString(UTF_8), "run " + run);
                // The launcher names the file by its path, a Source built from a File by its name.
                assertEquals(fresh.err().replace(program.toString(), program.getFileName().toString()), err.toString(UTF_8),
                                "run " + run + ": the leak report and the statistics");
            }
        }
        assertTrue(fresh.err().contains("final virtual time"), "the statistics were printed: " + fresh.err());
    }

    @Test
    void differentSeedsGiveDifferentInterleavings() throws IOException {
        Path program = write();
        Set<String> outputs = new HashSet<>();
        Set<String> picks = new HashSet<>();
        for (String seed : new String[] {"1", "2", "3"}) {
            RunChan r = RunChan.run(RunChan.args(program.toString(), "--seed", seed));
            assertEquals(0, r.exit(), r.err());
            outputs.add(r.out());
            picks.add(r.out().lines().findFirst().orElseThrow().split(" ")[0]);
        }
        assertEquals(3, outputs.size(), "three seeds, three different runs: " + outputs);
        assertEquals(3, picks.size(), "the choose picks themselves differ, not only rand(): " + picks);
        assertNotEquals(RunChan.run(program.toString(), "--seed", "1").out(), RunChan.run(program.toString(), "--seed", "2").out());
    }

    @Test
    void theSameSeedIsDeterministicOnOtherMachinesToo() throws IOException {
        Path program = write();
        for (String machine : new String[] {"amd-8x4", "intel-2x4"}) {
            RunChan a = RunChan.run(program.toString(), "--seed", "9", "--machine", machine);
            RunChan b = RunChan.run(program.toString(), "--seed", "9", "--machine", machine);
            assertEquals(0, a.exit(), a.err());
            assertEquals(a.out(), b.out(), machine);
        }
    }

    private Path write() throws IOException {
        Path program = dir.resolve("racy.chan");
        Files.writeString(program, RACY, UTF_8);
        return program;
    }
}
