package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run is a pure function of program, seed and machine: same inputs, same event log, every time. */
class DeterminismTest {

    /** Eight workers on several packages choose between two channels, compute a random while, reply. */
    static List<String> run(long seed, String machine) {
        Sim sim = new Sim(Machine.preset(machine), seed);
        Channel a = new Channel(sim.s, 0);
        Channel b = new Channel(sim.s, 0);
        Channel out = new Channel(sim.s, 100);
        List<Sim.Step> worker = new ArrayList<>();
        Map<Strand, ChooseCase[]> cases = new HashMap<>(); // each strand's latest choose
        for (int i = 0; i < 10; i++) {
            worker.add((t, in) -> {
                cases.put(t, new ChooseCase[] {ChooseCase.recv(a, true), ChooseCase.recv(b, true)});
                return Choose.select(sim.s, cases.get(t), false);
            });
            worker.add((t, in) -> {
                sim.log.add(t.id() + " chose " + in + " value " + cases.get(t)[(Integer) in].value + " @" + sim.s.now() + " core " + t.core());
                return in;
            });
            worker.add((t, in) -> sim.s.charge(sim.s.random(1000)) ? sim.s.yieldCurrent() : in);
            worker.add((t, in) -> out.send(t.id() + ":" + cases.get(t)[0].value + "/" + cases.get(t)[1].value));
        }
        List<Sim.Step> main = new ArrayList<>();
        main.add((t, in) -> {
            for (int i = 0; i < 8; i++) sim.start((i * 3) % sim.s.cores(), new ArrayList<>(worker));
            return in;
        });
        for (int i = 0; i < 80; i++) main.add(sim.send(i % 2 == 0 ? a : b, i));
        for (int i = 0; i < 80; i++) {
            main.add(sim.recv(out));
            main.add(sim.logTime("got"));
        }
        sim.main(main);
        sim.run();
        sim.log.add("final " + sim.s.stats().finalTime());
        return sim.log;
    }

    @Test
    void theSameSeedGivesTheSameEventLog() {
        List<String> first = run(42, "amd-4x4");
        assertEquals(first, run(42, "amd-4x4"));
        assertTrue(first.size() > 160, "the program ran: " + first.size());
    }

    @Test
    void anotherSeedGivesOtherPicks() {
        assertNotEquals(run(1, "amd-4x4"), run(2, "amd-4x4"));
    }

    @Test
    void anotherMachineGivesOtherTimes() {
        assertNotEquals(run(1, "amd-4x4"), run(1, "amd-8x4"));
    }

    @Test
    void randomIsSeededAndUniformInRange() {
        Scheduler s1 = new Scheduler(Machine.preset("uniform"), 9, new SchedulerOptions());
        Scheduler s2 = new Scheduler(Machine.preset("uniform"), 9, new SchedulerOptions());
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            long r = s1.random(10);
            assertEquals(r, s2.random(10));
            counts[(int) r]++;
        }
        for (int c : counts) assertTrue(c > 850 && c < 1150, "count " + c);
        assertEquals("rand: bound must be positive, got 0",
                org.junit.jupiter.api.Assertions.assertThrows(ChanRuntimeError.class, () -> s1.random(0)).getMessage());
    }
}
