package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The meter counts the running core's clock down ({@code left = sliceEnd - clock}): charges change one
 * field, the clock is derived from it, and it goes back to the core's own field when another core
 * becomes the running one.
 */
class MeterTest {
    @Test
    void theRunningCoresClockLivesInTheMeterAndGoesBackWhenAnotherCoreRuns() {
        Meter m = new Meter();
        m.quantum = 100;
        Core a = new Core(0, m);
        Core b = new Core(1, m);
        m.reset(a); // a new run: the quantum counts as used up, so the first charge checks
        assertTrue(m.spendAndCheck(1));
        assertEquals(1, a.clock());
        assertEquals(1, m.clock());

        m.attach(a); // a fresh quantum of 100 cycles from clock 1: it ends at 101
        assertFalse(m.spendAndCheck(98));
        assertEquals(99, a.clock());
        assertTrue(m.spendAndCheck(2), "the charge that reaches the quantum's end");
        assertEquals(101, a.clock());

        b.spend(5); // not the running core: its own field
        assertEquals(5, b.clock());
        assertEquals(101, a.clock());

        m.attach(b); // a's clock goes back to its field, b's comes to the meter
        assertEquals(101, a.clock);
        assertEquals(101, a.clock());
        assertEquals(5, b.clock());
        b.idleUntil(50);
        assertEquals(50, b.clock());
        assertEquals(5, b.busy());
        a.spend(3);
        assertEquals(104, a.clock());
        assertEquals(50, m.clock());
    }

    @Test
    void movingTheQuantumsEndKeepsTheClock() {
        Meter m = new Meter();
        m.quantum = 1000;
        Core a = new Core(0, m);
        m.reset(a);
        m.attach(a);
        m.spend(40);
        m.setSliceEnd(Math.min(m.sliceEnd, m.clock())); // a preemption request ends the slice now
        assertEquals(40, m.clock());
        assertTrue(m.spendAndCheck(2), "the next charge checks");
        assertEquals(42, m.clock());
        assertEquals(40, m.loopBudget(40), "a budget is at least the minimum asked");
    }

    @Test
    void aQuantumTooLongForTheClockEndsAtTheLargestClock() {
        Meter m = new Meter();
        m.quantum = Long.MAX_VALUE;
        Core a = new Core(0, m);
        a.spend(7);
        m.reset(a);
        m.attach(a);
        assertEquals(Long.MAX_VALUE, m.sliceEnd);
        assertFalse(m.spendAndCheck(1_000_000));
        assertEquals(1_000_007, m.clock());
        assertEquals(CostModel.QUANTUM, m.loopBudget(2), "a budget is at most the default quantum");
    }
}
