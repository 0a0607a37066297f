package chan.runtime;

/**
 * What every charge reads and writes: the running core (whose clock it advances) and the end of the
 * running strand's quantum, with the two fields the quantum's inline restart reads. Kept apart from
 * the {@link Scheduler}, which a program's every run makes anew, so that its owner (the interpreter
 * keeps one per context) can hand the same meter to every run: compiled code then finds these fields
 * at one constant address, and a charge after a call (which forgets every field it had loaded) loads
 * the running core and the quantum's end straight away, not the scheduler first (bench/README.md,
 * "The meter").
 */
public final class Meter {
    /** The current strand's core (core 0 when no strand runs), whose clock a charge advances. */
    Core runningCore;
    /**
     * The current core's clock at which the running strand's quantum ends (the quantum counts from
     * its dispatch or its last quantum check); a clock, not a count, so that charging cycles updates
     * one field.
     */
    long sliceEnd;
    /** The clock up to which a quantum's end needs no look around ({@link Scheduler}'s quiet bound). */
    long quietUntil = Long.MIN_VALUE;
    /** The run's quantum ({@link SchedulerOptions#quantum}). */
    long quantum;

    /**
     * Charges the running core {@code cycles} and says whether its quantum is used up, in which case
     * the rest of the check must run ({@link #startQuietQuantum}, else {@link Scheduler#chargeRest}).
     * False on almost every call, and small enough to compile into every loop body: one field
     * updated, one compared.
     */
    public boolean spendAndCheck(long cycles) {
        // One load and one store of the clock, and the compare on the value stored: a compiled loop
        // body carries this twice or more per iteration (its back-edge, each inlined callee's entry).
        Core c = runningCore;
        long clock = c.clock + cycles;
        c.clock = clock;
        return clock >= sliceEnd; // a strand that kills itself ends its slice (Scheduler.endSlice)
    }

    /**
     * The cycles a loop that cannot see the clock may spend before its quantum check, for compiled
     * code that counts them in a local instead of charging each back-edge: the cycles left in the
     * quantum ({@code sliceEnd - clock}), raised to {@code minimum} (one back-edge's charge: a quantum
     * ended early by {@link Scheduler#endSlice} is checked after the next back-edge, as
     * {@link #spendAndCheck} would) and capped at the default quantum, so that the compiler can bound
     * the loop's trip count. The loop adds what it spent to the clock ({@link #settleLoopBudget})
     * before its check, which runs at the same clock as the charges it replaces: the first back-edge
     * whose charge reaches {@link #sliceEnd}. A cap below the quantum's end only makes the check come
     * early and find nothing to do.
     */
    public long loopBudget(long minimum) {
        long left = sliceEnd - runningCore.clock;
        return Math.min(Math.max(left, minimum), CostModel.QUANTUM);
    }

    /** Adds to the clock the cycles a loop counted against its budget ({@link #loopBudget}). */
    public void settleLoopBudget(long cycles) {
        Core c = runningCore;
        c.clock = c.clock + cycles;
    }

    /**
     * Poll's slow path, compiled inline (no loop, no call): after {@link #spendAndCheck} said the
     * quantum is used up, starts the next one when the clock is within {@link #quietUntil}, where
     * {@link Scheduler#chargeRest} would do just that. False: the full check must run; the caller
     * then suspends the strand through {@link Scheduler#deferQuantumEnd}.
     */
    public boolean startQuietQuantum() {
        long clock = runningCore.clock;
        if (clock > quietUntil) return false;
        sliceEnd = quantumEnd(clock);
        return true;
    }

    /** The end of a quantum that starts at {@code clock} (no overflow for a huge quantum). */
    long quantumEnd(long clock) {
        long quantum = this.quantum;
        return quantum > Long.MAX_VALUE - clock ? Long.MAX_VALUE : clock + quantum;
    }
}
