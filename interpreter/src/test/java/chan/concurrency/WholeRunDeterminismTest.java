// Checks that everything a run reports (output, errors, --stats, the --trace file) is the same byte for byte for one seed, over every kind of event of the machine, and for runs that end in an error or a deadlock.
package chan.concurrency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.Json;
import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract (§5): output, virtual times and choose picks are a pure function of the program, its
 * input, --seed, --cores and --machine. DeterminismTest covers a racy choose; this covers the rest of
 * the machine's events in one program (timers, sleeps of random length, a choose among many ready
 * options, threads on several cores, buffered channels, a kill, monitors, a crash), and runs that end
 * with an uncaught error (exit 1) or a deadlock (exit 3), whose --stats and --trace must be complete,
 * valid and the same every time too.
 */
class WholeRunDeterminismTest {
    private static final String EVERYTHING = """
            // every kind of event: timers, many ready options, threads on all cores, buffers, kill, monitors, a crash
            fn producer(id, c, n) {
              for (i in range(0, n)) { c <- (id, i, core(), now()); }
            }
            let cs = [];
            for (k in range(0, 8)) {
              let c = chan(k % 3);
              cs = cs + [c];
              start on (k % cores()) producer(k, c, 20);
            }
            let picks = "";
            let got = 0;
            while (got < 160) {
              choose {
                option for (c in cs) (id, i, from, at) = <-c: { picks = picks + str(id); got = got + 1; }
                option after(200): { picks = picks + "."; }
              }
            }
            print(picks);
            fn sleeper(out) { sleep(rand(1000)); out <- (core(), now()); }
            let out = chan(4);
            for (k in range(0, cores())) { start on (k) sleeper(out); }
            for (k in range(0, cores())) { print("woke", <-out); }
            let looping = start on (cores() - 1) { while (true) { sleep(10); } };
            let m = monitor(looping);
            sleep(77);
            kill(looping);
            print(<-m, now());
            let crashing = start on (1) { throw "boom"; };
            print(<-monitor(crashing), now());
            print("end", now(), rand(1000000));
            """;

    private static final String CRASHES = """
            // main crashes while a producer on another core has filled a buffer
            let c = chan(3);
            start on (1) { for (i in range(0, 10)) { c <- i; } };
            sleep(1000);
            print(<-c, now());
            let x = 1 / 0;
            """;

    private static final String DEADLOCKS = """
            // two threads on two cores each wait for the other's fork
            let left = chan(1);
            let right = chan(1);
            fn philosopher(first, second) { let fork = <-first; sleep(10); let other = <-second; }
            left <- :fork;
            right <- :fork;
            start philosopher(left, right);
            start on (1) philosopher(right, left);
            <-chan();
            """;

    @TempDir
    Path dir;

    /** What one run reported: its exit code, output, error stream (with the statistics) and trace file. */
    private record Run(int exit, String out, String err, String trace) {}

    private Run run(String program, String name, String... options) throws IOException {
        Path file = dir.resolve(name + ".chan");
        Files.writeString(file, program, UTF_8);
        return runFile(file, name, options);
    }

    private Run runFile(Path file, String name, String... options) throws IOException {
        Path trace = dir.resolve(name + "-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of(file.toString(), "--stats", "--trace", trace.toString()));
        args.addAll(List.of(options));
        RunChan r = RunChan.run(args.toArray(String[]::new));
        return new Run(r.exit(), r.out(), r.err(), Files.readString(trace, UTF_8));
    }

    /** Runs twice with the same options and requires the same run, byte for byte; returns it. */
    private Run twice(String program, String name, String... options) throws IOException {
        Run a = run(program, name, options);
        Run b = run(program, name, options);
        assertEquals(a, b, "two runs of " + name + " with " + List.of(options));
        assertTrue(a.err().contains("final virtual time"), "the statistics were printed: " + a.err());
        assertValidTrace(a.trace());
        return a;
    }

    /** The trace is strict JSON, and each message's arrow has its start before its end. */
    private static void assertValidTrace(String trace) {
        Map<?, ?> top = assertInstanceOf(Map.class, Json.parse(trace));
        List<?> events = assertInstanceOf(List.class, top.get("traceEvents"));
        Map<Object, Long> starts = new java.util.HashMap<>();
        for (Object o : events) {
            Map<?, ?> e = assertInstanceOf(Map.class, o);
            if ("s".equals(e.get("ph"))) starts.put(e.get("id"), (Long) e.get("ts"));
            if ("f".equals(e.get("ph"))) {
                Long start = starts.get(e.get("id"));
                assertTrue(start != null && start <= (Long) e.get("ts"), "an arrow ends after it starts: " + e);
            }
        }
    }

    @Test
    void everyKindOfEventIsTheSameForOneSeedOnEveryMachine() throws IOException {
        for (String[] options : List.of(new String[] {"--seed", "7"}, new String[] {"--seed", "7", "--machine", "amd-8x4"},
                        new String[] {"--seed", "7", "--machine", "intel-2x4", "--cores", "6"}, new String[] {"--seed", "7", "--cores", "2"})) {
            Run r = twice(EVERYTHING, "everything", options);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("(:exit, <thread") && r.out().contains(":killed") && r.out().contains("\"boom\""), r.out());
        }
    }

    @Test
    void anotherSeedPicksOtherwise() throws IOException {
        Run one = run(EVERYTHING, "everything", "--seed", "1");
        Run two = run(EVERYTHING, "everything", "--seed", "2");
        String picksOne = one.out().lines().findFirst().orElseThrow();
        String picksTwo = two.out().lines().findFirst().orElseThrow();
        assertNotEquals(picksOne, picksTwo, "the choose picks depend on the seed");
        assertNotEquals(one.trace(), two.trace());
    }

    @Test
    void aRunEndedByAnUncaughtErrorIsTheSameEveryTime() throws IOException {
        Run r = twice(CRASHES, "crashes", "--seed", "3");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("division by zero"), r.err());
    }

    @Test
    void aDeadlockedRunIsTheSameEveryTime() throws IOException {
        Run r = twice(DEADLOCKS, "deadlocks", "--seed", "3", "--machine", "amd-2x2");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().startsWith("deadlock: all threads are blocked"), r.err());
    }

    /** The multikernel's boot: 32 monitors and their messages on amd-8x4. */
    @Test
    void theKernelBootIsTheSameEveryTime() throws IOException {
        Path boot = Path.of("kernel-src/boot.chan");
        Run a = runFile(boot, "boot", "--machine", "amd-8x4", "--cores", "32");
        Run b = runFile(boot, "boot", "--machine", "amd-8x4", "--cores", "32");
        assertEquals(0, a.exit(), a.err());
        assertEquals(a, b);
        assertTrue(a.out().startsWith("booted 32 monitors in "), a.out());
        assertValidTrace(a.trace());
    }
}
