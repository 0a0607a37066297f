package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quiet bound (Scheduler.quietUntil): compiled code starts the next quantum inline while nothing
 * else could run first, and otherwise suspends undecided for the loop's full check (runsOn). Either
 * way the run must be exactly the one that a full check at every quantum's end gives.
 */
class QuietQuantumTest {
    @TempDir
    Path dir;

    /**
     * Workers in a ring on random cores compute in small charges (a loop's back-edges), send to the
     * next worker, receive from the previous one; some sleep, arm timers or ask for preemption.
     * {@code compiled}: the charges are polls as PollNode makes them; else full checks.
     */
    private static Sim ring(long seed, Machine machine, boolean compiled, Path trace) {
        return ring(seed, machine, compiled, trace, new Meter());
    }

    private static Sim ring(long seed, Machine machine, boolean compiled, Path trace, Meter meter) {
        Sim sim = new Sim(machine, seed, new SchedulerOptions().quantum(1000).traceFile(trace), meter);
        Random r = new Random(seed);
        int n = 2 + r.nextInt(6);
        Channel[] ch = new Channel[n];
        for (int i = 0; i < n; i++) ch[i] = new Channel(sim.s, 1 + r.nextInt(2));
        List<List<Sim.Step>> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Sim.Step> w = new ArrayList<>();
            for (int j = 0; j < 12; j++) {
                compute(sim, w, r, compiled);
                switch (r.nextInt(8)) {
                    case 0 -> w.add(sim.sleep(r.nextInt(4000)));
                    case 1 -> {
                        long after = r.nextInt(4000);
                        w.add((t, in) -> sim.s.after(after));
                    }
                    case 2 -> w.add((t, in) -> {
                        sim.s.requestPreempt();
                        return in;
                    });
                    default -> { }
                }
                w.add(sim.send(ch[(i + 1) % n], j));
                compute(sim, w, r, compiled);
                w.add(sim.recv(ch[i]));
                w.add(sim.logTime("got"));
            }
            workers.add(w);
        }
        int[] cores = new int[n];
        for (int i = 0; i < n; i++) cores[i] = r.nextInt(machine.cores());
        List<Sim.Step> main = new ArrayList<>();
        main.add((t, in) -> {
            for (int i = 0; i < n; i++) sim.start(cores[i], workers.get(i));
            return in;
        });
        compute(sim, main, r, compiled);
        main.add(sim.logTime("main"));
        sim.main(main);
        return sim.run();
    }

    /** A random stretch of computation: charges of up to 300 cycles, mostly a few, sometimes a long run. */
    private static void compute(Sim sim, List<Sim.Step> steps, Random r, boolean compiled) {
        int charges = r.nextInt(4) == 0 ? 40 + r.nextInt(160) : r.nextInt(10);
        for (int k = 0; k < charges; k++) {
            long cycles = 1 + r.nextInt(300);
            steps.add(compiled ? sim.poll(cycles) : sim.charge(cycles));
        }
    }

    @Test
    void pollsGiveTheRunOfAFullCheckAtEveryQuantumsEnd() throws IOException {
        List<Machine> machines = List.of(Machine.preset("uniform", 1), Machine.preset("uniform", 2),
                Machine.preset("uniform", 4), Machine.preset("amd-2x2"), Machine.preset("amd-4x4"));
        int deferred = 0;
        int quantumEnds = 0;
        int resumedInPlace = 0;
        for (long seed = 1; seed <= 40; seed++) {
            for (Machine m : machines) {
                Path fullTrace = dir.resolve("full.json");
                Path pollTrace = dir.resolve("poll.json");
                Sim full = ring(seed, m, false, fullTrace);
                Sim poll = ring(seed, m, true, pollTrace);
                String what = "seed " + seed + " on " + m.name();
                assertEquals(full.log, poll.log, what);
                assertEquals(full.s.stats().format(), poll.s.stats().format(), what);
                assertEquals(full.dispatches, poll.dispatches, what);
                assertEquals(Files.readString(fullTrace), Files.readString(pollTrace), what);
                assertTrue(full.log.size() > 2, what);
                deferred += poll.deferred;
                quantumEnds += poll.quantumEnds;
                resumedInPlace += poll.resumedInPlace;
            }
        }
        // Both paths ran often: quantum ends left to the loop (most, the strands contend), and quiet ones.
        assertTrue(deferred > 1000 && quantumEnds - deferred > 1000, "deferred " + deferred + " of " + quantumEnds);
        // A wake-up voids the bound, so a few quantum ends are left to the loop and need not yield
        // (the woken strand's core is ahead); nearly all of them do.
        assertTrue(resumedInPlace < deferred / 50, "resumed in place " + resumedInPlace + " of " + deferred);
    }

    /**
     * The interpreter hands its context's one meter to every run's scheduler (`chan bench`'s runs,
     * a REPL session after a program): whatever the last run left in it (a quantum's end, a quiet
     * bound, a running core of another machine), the next run must be the one a fresh meter gives.
     */
    @Test
    void aMeterHandedFromRunToRunGivesEachRunAsAFreshOneWould() throws IOException {
        List<Machine> machines = List.of(Machine.preset("uniform", 4), Machine.preset("uniform", 1), Machine.preset("amd-2x2"));
        Meter shared = new Meter();
        for (long seed = 1; seed <= 12; seed++) {
            for (Machine m : machines) {
                Path freshTrace = dir.resolve("fresh.json");
                Path sharedTrace = dir.resolve("shared.json");
                Sim fresh = ring(seed, m, true, freshTrace, new Meter());
                Sim reused = ring(seed, m, true, sharedTrace, shared);
                String what = "seed " + seed + " on " + m.name();
                assertEquals(fresh.log, reused.log, what);
                assertEquals(fresh.s.stats().format(), reused.s.stats().format(), what);
                assertEquals(fresh.dispatches, reused.dispatches, what);
                assertEquals(Files.readString(freshTrace), Files.readString(sharedTrace), what);
            }
        }
    }

    @Test
    void aStrandAloneNeverStopsAtAQuantumsEnd() {
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().quantum(100));
        List<Sim.Step> main = new ArrayList<>();
        for (int i = 0; i < 100; i++) main.add(sim.poll(1000));
        sim.main(main);
        sim.run();
        assertEquals(100, sim.quantumEnds);
        assertEquals(0, sim.deferred); // the bound was set at dispatch: nothing else, ever
        assertEquals(1, sim.s.stats().cores().get(0).runs());
    }

    /** Logs "id label" (no value, no time). */
    private static Sim.Step mark(Sim sim, String label) {
        return (t, in) -> {
            sim.log.add(t.id() + " " + label);
            return in;
        };
    }

    @Test
    void aStrandMadeRunnableOnItsCoreForcesTheFullCheckAtTheNextQuantumsEnd() {
        Sim sim = new Sim(Machine.preset("uniform", 1), 1, new SchedulerOptions().quantum(1000));
        Channel c = new Channel(sim.s, 0);
        List<Sim.Step> main = new ArrayList<>();
        main.add((t, in) -> {
            sim.start(0, sim.recv(c), mark(sim, "woken"));
            return in;
        });
        main.add(sim.poll(1000)); // the quantum's end: the receiver is due, runs and blocks
        main.addAll(Sim.repeat(3, List.of(sim.poll(1000)))); // quiet: nothing else queued
        main.add((t, in) -> {
            assertEquals(1, sim.deferred);
            return c.send("x"); // the receiver is runnable now, on this core
        });
        main.add(mark(sim, "sent"));
        main.add(sim.poll(1000)); // crosses the quantum's end: the receiver is due, main yields
        main.add(mark(sim, "main again"));
        sim.main(main);
        sim.run();
        assertEquals(2, sim.deferred);
        assertEquals(0, sim.resumedInPlace);
        assertEquals(List.of("1 sent", "2 woken", "1 main again"), sim.log);
        assertEquals(5, sim.s.stats().cores().get(0).runs()); // main 3 times, the receiver twice
    }

    @Test
    void aWakeUpOnAnotherCoreEndsTheQuietOnceItsTimeIsPast() {
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().quantum(1000));
        Channel c = new Channel(sim.s, 1);
        List<Sim.Step> main = new ArrayList<>();
        main.add((t, in) -> {
            sim.start(1, sim.recv(c), mark(sim, "woken"));
            return in;
        });
        main.add(sim.poll(20_000)); // core 1 is behind: main yields, the receiver blocks on core 1
        main.addAll(Sim.repeat(3, List.of(sim.poll(1000)))); // quiet: core 1 has nothing queued
        main.add((t, in) -> {
            assertEquals(1, sim.deferred);
            return c.send("x"); // core 1 can start the receiver once the news arrives
        });
        main.add((t, in) -> {
            assertEquals(1, sim.deferred);
            return in;
        });
        main.add(sim.poll(1000)); // the next quantum's end is past the news: main yields
        main.add(mark(sim, "main again"));
        sim.main(main);
        sim.run();
        assertEquals(2, sim.deferred);
        assertEquals(List.of("2 woken", "1 main again"), sim.log);
        assertEquals(3, sim.s.stats().cores().get(0).runs());
    }

    @Test
    void aTimerArmedInTheRunEndsTheQuietWhenItIsDue() {
        Sim sim = new Sim(Machine.preset("uniform", 1), 1, new SchedulerOptions().quantum(1000));
        List<Sim.Step> main = new ArrayList<>();
        main.addAll(Sim.repeat(5, List.of(sim.poll(1000))));
        main.add((t, in) -> sim.s.after(3500));
        main.addAll(Sim.repeat(3, List.of(sim.poll(1000)))); // the timer is not due yet: quiet
        main.add((t, in) -> {
            assertEquals(8, sim.quantumEnds);
            assertEquals(0, sim.deferred);
            return in;
        });
        main.add(sim.poll(1000)); // due: main yields, the timer fires, main runs again
        sim.main(main);
        sim.run();
        assertEquals(1, sim.deferred);
        assertEquals(2, sim.s.stats().cores().get(0).runs());
    }

    @Test
    void aPreemptionRequestOrAKillEndsTheQuiet() {
        Sim sim = new Sim(Machine.preset("uniform", 1), 1, new SchedulerOptions().quantum(1000));
        List<Sim.Step> main = new ArrayList<>();
        main.addAll(Sim.repeat(3, List.of(sim.poll(1000))));
        main.add((t, in) -> {
            sim.s.yieldAtQuantum(); // yields at the quantum's end even alone
            return in;
        });
        main.addAll(Sim.repeat(2, List.of(sim.poll(600))));
        main.add(mark(sim, "preempted and back"));
        Sim.Step poll = sim.poll(1);
        main.add((t, in) -> {
            sim.s.kill(t); // the next poll ends it
            return poll.run(t, in);
        });
        main.add(mark(sim, "never"));
        sim.main(main);
        sim.run();
        assertEquals(2, sim.deferred);
        assertEquals(2, sim.s.stats().cores().get(0).runs());
        assertEquals(List.of("1 preempted and back"), sim.log);
        assertTrue(sim.s.mainDone());
    }

    @Test
    void aKillOnItsWayLowersTheBoundSoTheRunningStrandYieldsToIt() {
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().quantum(1000));
        Strand[] sleeper = new Strand[1];
        List<Sim.Step> main = new ArrayList<>();
        main.add((t, in) -> {
            sleeper[0] = sim.start(1, sim.sleep(1_000_000), mark(sim, "never"));
            return in;
        });
        main.add(sim.poll(20_000)); // core 1 is behind: main yields, the sleeper sleeps in core 1's queue
        main.add((t, in) -> {
            sim.s.kill(sleeper[0]); // a timer ~100 cycles ahead: the bound falls from ~1 000 000 to it
            return in;
        });
        main.add(sim.poll(2_000_000)); // past the kill's time: main yields, the kill lands, main runs on
        main.add(mark(sim, "main on"));
        sim.main(main);
        sim.run();
        assertEquals(2, sim.deferred);
        assertEquals(0, sim.resumedInPlace);
        assertEquals(List.of("1 main on"), sim.log);
        assertEquals("killed", sleeper[0].exitReason());
        assertEquals(3, sim.s.stats().cores().get(0).runs()); // the start, after core 1's turn, after the kill's
    }
}
