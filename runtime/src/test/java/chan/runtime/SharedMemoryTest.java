package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The coherence cost model of shared cache lines, and the virtual-time order of their accesses. */
class SharedMemoryTest {
    private static final int HIT = 2; // same-core latency on every preset

    private static Sim amd8x4() {
        return new Sim(Machine.preset("amd-8x4", 32), 1);
    }

    private static SharedMemory block(Sim sim, int lines) {
        return new SharedMemory(sim.s, lines, 0L, Objects::equals);
    }

    /** Runs one access on `core` after `delay` cycles and records (result, cycles it took). */
    private static List<Object> timed(Sim sim, int core, long delay, java.util.function.Supplier<Object> access) {
        List<Object> out = new ArrayList<>();
        long[] t0 = new long[1];
        sim.start(core, (t, in) -> sim.s.sleep(delay), (t, in) -> {
            t0[0] = sim.s.now();
            return access.get();
        }, (t, in) -> {
            out.add(in);
            out.add(sim.s.now() - t0[0]);
            return in;
        });
        return out;
    }

    @Test
    void loadsHitForSharersAndFetchFromTheOwnerOtherwise() {
        Sim sim = amd8x4();
        SharedMemory[] m = new SharedMemory[1];
        List<List<Object>> seen = new ArrayList<>();
        sim.main((t, in) -> {
            m[0] = block(sim, 1); // owned by core 0
            seen.add(timed(sim, 0, 100, () -> m[0].load(0)));   // the owner: a hit
            seen.add(timed(sim, 1, 200, () -> m[0].load(0)));   // same package: 75
            seen.add(timed(sim, 4, 1000, () -> m[0].load(0)));  // one hop: 190
            seen.add(timed(sim, 4, 2000, () -> m[0].load(0)));  // now a sharer: a hit
            return in;
        });
        sim.run();
        assertEquals(List.of(List.of(0L, (long) HIT), List.of(0L, 75L), List.of(0L, 190L), List.of(0L, (long) HIT)), seen);
    }

    @Test
    void aStoreInvalidatesEverySharerPayingTheFarthestOnceAndAProbeEach() {
        Sim sim = amd8x4();
        SharedMemory[] m = new SharedMemory[1];
        List<List<Object>> seen = new ArrayList<>();
        sim.main((t, in) -> {
            m[0] = block(sim, 1);
            timed(sim, 4, 100, () -> m[0].load(0));  // sharers: 0 (owner), 4 (1 hop from core 1... see below)
            timed(sim, 12, 600, () -> m[0].load(0)); // and 12
            // core 1 writes: probes cores 0 (75), 4 and 12; the farthest decides
            seen.add(timed(sim, 1, 2000, () -> m[0].store(0, 7L)));
            seen.add(timed(sim, 1, 3000, () -> m[0].store(0, 8L))); // exclusive now: a hit
            return in;
        });
        sim.run();
        Machine mc = sim.s.machine();
        long farthest = Math.max(mc.latency(0, 1), Math.max(mc.latency(4, 1), mc.latency(12, 1)));
        assertEquals(List.of(List.of("nil", farthest + 2 * CostModel.INVALIDATION), List.of("nil", (long) HIT)), seen);
        assertEquals(8L, m[0].peek(0));
        assertEquals(1, m[0].owner(0));
    }

    @Test
    void compareAndSwapWritesOnlyWhenTheLineHoldsTheExpectedValue() {
        Sim sim = Sim.uniform(2);
        SharedMemory[] m = new SharedMemory[1];
        List<List<Object>> seen = new ArrayList<>();
        sim.main((t, in) -> {
            m[0] = block(sim, 2);
            seen.add(timed(sim, 1, 100, () -> m[0].compareAndSwap(1, 0L, 5L)));
            seen.add(timed(sim, 0, 1000, () -> m[0].compareAndSwap(1, 0L, 6L)));
            return in;
        });
        sim.run();
        assertEquals(true, seen.get(0).get(0));
        assertEquals(false, seen.get(1).get(0));
        assertEquals(75L, seen.get(1).get(1)); // a failed CAS still takes the line from core 1
        assertEquals(5L, m[0].peek(1));
        assertEquals(0, m[0].owner(1));
    }

    /** Every core tries `rounds` times to add 1 to a counter (load, then CAS); returns the successes. */
    private static long counterRace(int cores, int rounds, SharedMemory[] out) {
        Sim sim = new Sim(Machine.preset("amd-8x4", 32), 1);
        long[] successes = new long[1];
        sim.main((t, in) -> {
            out[0] = block(sim, 1);
            for (int c = 0; c < cores; c++) {
                List<Sim.Step> steps = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    steps.add((s, x) -> out[0].load(0));
                    steps.add((s, x) -> out[0].compareAndSwap(0, x, (Long) x + 1));
                    steps.add((s, x) -> {
                        if (x == Boolean.TRUE) successes[0]++;
                        return x;
                    });
                }
                sim.start(c, steps);
            }
            return in;
        });
        sim.run();
        return successes[0];
    }

    @Test
    void concurrentIncrementsByCompareAndSwapAreNeverLost() {
        SharedMemory[] m = new SharedMemory[1];
        assertEquals(40L, counterRace(1, 40, m));
        assertEquals(40L, m[0].peek(0));
        long won = counterRace(16, 20, m);
        assertEquals(won, m[0].peek(0));
        assertTrue(won > 0 && won < 320, "contending cores must sometimes lose a CAS: " + won);
    }

    /** The virtual time for each of `cores` cores to store into `lines` shared lines, `rounds` times. */
    private static long updateTime(int cores, int lines, int rounds) {
        Sim sim = new Sim(Machine.preset("amd-4x4", 16), 1);
        long[] last = new long[1];
        sim.main((t, in) -> {
            SharedMemory m = block(sim, lines);
            for (int c = 0; c < cores; c++) {
                List<Sim.Step> steps = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    for (int l = 0; l < lines; l++) {
                        int line = l;
                        steps.add((s, x) -> m.store(line, 1L));
                    }
                }
                steps.add((s, x) -> {
                    last[0] = Math.max(last[0], sim.s.now());
                    return x;
                });
                sim.start(c, steps);
            }
            return in;
        });
        sim.run();
        return last[0];
    }

    @Test
    void updatingSharedLinesCostsMoreWithMoreCoresAndMoreLines() {
        long c2l1 = updateTime(2, 1, 50);
        long c8l1 = updateTime(8, 1, 50);
        long c16l1 = updateTime(16, 1, 50);
        long c16l8 = updateTime(16, 8, 50);
        assertTrue(c2l1 < c8l1 && c8l1 < c16l1, c2l1 + " " + c8l1 + " " + c16l1);
        assertTrue(c16l8 > 4 * c16l1, c16l1 + " vs " + c16l8);
        // contended lines move one transfer at a time: 16 cores × 50 rounds need at least 799 transfers
        assertTrue(c16l1 >= 799L * 62, "" + c16l1);
    }

    @Test
    void accessesHappenInVirtualTimeOrderNotInTheOrderTheHostRunsThem() {
        Sim sim = Sim.uniform(2);
        SharedMemory[] m = new SharedMemory[1];
        List<Object> seen = new ArrayList<>();
        sim.main((t, in) -> {
            m[0] = block(sim, 1);
            // core 0 runs first on the host and gets far ahead before it writes ...
            sim.start(0, (s, x) -> sim.s.charge(5_000) ? sim.s.yieldCurrent() : x, (s, x) -> m[0].store(0, 1L));
            // ... but core 1 reads much earlier in virtual time, so it must see the old value
            sim.start(1, (s, x) -> sim.s.charge(100) ? sim.s.yieldCurrent() : x, (s, x) -> m[0].load(0), (s, x) -> {
                seen.add(x);
                return x;
            });
            return in;
        });
        sim.run();
        assertEquals(List.of(0L), seen);
        assertEquals(1L, m[0].peek(0));
    }

    @Test
    void sameRunSameTimes() {
        assertEquals(updateTime(8, 4, 20), updateTime(8, 4, 20));
    }

    @Test
    void aLineOutOfRangeIsAnError() {
        Sim sim = Sim.uniform(1);
        sim.main((t, in) -> {
            SharedMemory m = block(sim, 2);
            ChanRuntimeError e = assertThrows(ChanRuntimeError.class, () -> m.load(2));
            assertEquals("shared: line 2 out of range 0..1", e.getMessage());
            assertEquals("<shared 1: 2 lines>", m.toString());
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }
}
