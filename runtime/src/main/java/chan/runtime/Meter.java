package chan.runtime;

/**
 * What every charge reads and writes: the cycles left in the running strand's quantum, a countdown
 * that holds the running core's clock ({@link #clock} = {@link #sliceEnd} - {@link #left}), with the
 * two fields the quantum's inline restart reads. Kept apart from the {@link Scheduler}, which a
 * program's every run makes anew, so that its owner (the interpreter keeps one per context) can hand
 * the same meter to every run: compiled code then finds these fields at one constant address, and a
 * charge is one subtraction from one of them, even right after a call, which forgets every field the
 * compiled code had loaded (bench/README.md, "The meter" and "The clock as a countdown").
 */
public final class Meter {
    /**
     * The current strand's core (core 0 when no strand runs), whose clock a charge advances. Its
     * clock lives here while it is the running core: {@link #clock} = {@link #sliceEnd} - {@link #left}.
     */
    Core runningCore;
    /**
     * The running core's clock at which the running strand's quantum ends (the quantum counts from
     * its dispatch or its last quantum check).
     */
    long sliceEnd;
    /**
     * The cycles left in the quantum, {@code sliceEnd - clock}: what a charge counts down. The one
     * field every charge updates, at the meter's constant address, so compiled code keeps no core,
     * clock or quantum's end in registers and reloads nothing but this after a call; the quantum is
     * used up when it reaches zero (bench/README.md, "The clock as a countdown").
     */
    long left;
    /**
     * A clock up to which the end of a quantum needs no look around: while the current core's clock
     * is at most this, {@link Scheduler#chargeRest} would answer "no yield" (nothing ready on this
     * core, no other core able to start earlier, no timer due, no preemption asked, the strand not
     * killed). Conservative: it may be lower than the truth (then the full check runs), never
     * higher. Set at dispatch and by the full check, both exactly ({@code Scheduler.quietBound});
     * every event that could change the answer during a run lowers it: a timer armed ({@code
     * Scheduler.after}), a preemption request, a strand killing itself ({@link
     * Scheduler#endSlice}), and a strand made runnable, which voids it ({@code
     * Scheduler.makeRunnable}: one store on the path of every wake-up). A request made from outside
     * the running code (the REPL's Ctrl-C) also takes compiled code off its quiet path
     * (ChanContext.quietQuanta), since that code read this bound at its entry. It lets compiled
     * code start the next quantum inline ({@link #startQuietQuantum}) and leave the scheduler's
     * scan to the scheduler loop ({@link Scheduler#runsOn}), which then nearly always switches.
     * Resuming a thread in place is correct but slow: the thread runs on in its continuation's code,
     * which keeps its locals in a frame on the heap (a loop there runs ~5× slower than in its
     * function's own code) and which Truffle compiles only once that continuation is resumed often
     * (a lone loop.chan ran 20× slower when every dispatch left the bound unknown; bench/README.md).
     * Every void is this one field (no flag, no wake-up count beside it), so that Poll's slow path
     * reads only it and {@link #quantum}: the compiler hoists the fields that path reads into the
     * entry of each compiled function, where an inlined callee's Poll reads them again
     * (bench/README.md).
     */
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
        // One subtraction from one field and a test of the result: a compiled loop body carries this
        // twice or more per iteration (its back-edge, each inlined callee's entry).
        long l = left - cycles;
        left = l;
        return l <= 0; // clock >= sliceEnd; a strand that kills itself ends its slice (Scheduler.endSlice)
    }

    /** The running core's clock. */
    public long clock() {
        return sliceEnd - left;
    }

    /**
     * Makes {@code c} the running core with a fresh quantum: the clock of the core that ran until now
     * goes back to its field, and c's comes here.
     */
    void attach(Core c) {
        if (runningCore != null) {
            runningCore.clock = clock();
        }
        runningCore = c;
        long clock = c.clock;
        sliceEnd = quantumEnd(clock);
        left = sliceEnd - clock;
    }

    /** The first core of a new run (the meter outlives runs): its quantum used up, so the first charge checks. */
    void reset(Core c) {
        runningCore = c;
        sliceEnd = c.clock;
        left = 0;
    }

    /** Moves the quantum's end, the clock staying where it is. */
    void setSliceEnd(long end) {
        long clock = clock();
        sliceEnd = end;
        left = end - clock;
    }

    /**
     * The cycles a loop that cannot see the clock may spend before its quantum check, for compiled
     * code that counts them in a local instead of charging each back-edge: the cycles left in the
     * quantum ({@code sliceEnd - clock}), raised to {@code minimum} (one back-edge's charge: a quantum
     * ended early by {@link Scheduler#endSlice} is checked after the next back-edge, as
     * {@link #spendAndCheck} would) and capped at the default quantum, so that the compiler can bound
     * the loop's trip count. The loop adds what it spent to the clock ({@link #spend})
     * before its check, which runs at the same clock as the charges it replaces: the first back-edge
     * whose charge reaches {@link #sliceEnd}. A cap below the quantum's end only makes the check come
     * early and find nothing to do.
     */
    public long loopBudget(long minimum) {
        return Math.min(Math.max(left, minimum), CostModel.QUANTUM);
    }

    /**
     * Adds cycles to the clock with no quantum check: what a counted loop spent of its budget
     * ({@link #loopBudget}), or a function's entry, whose cycles the next check counts.
     */
    public void spend(long cycles) {
        left = left - cycles;
    }

    /**
     * Poll's slow path, compiled inline (no loop, no call): after {@link #spendAndCheck} said the
     * quantum is used up, starts the next one when the clock is within {@link #quietUntil}, where
     * {@link Scheduler#chargeRest} would do just that. False: the full check must run; the caller
     * then suspends the strand through {@link Scheduler#deferQuantumEnd}.
     */
    public boolean startQuietQuantum() {
        long clock = clock();
        if (clock > quietUntil) return false;
        setSliceEnd(quantumEnd(clock));
        return true;
    }

    /** The end of a quantum that starts at {@code clock} (no overflow for a huge quantum). */
    long quantumEnd(long clock) {
        long quantum = this.quantum;
        return quantum > Long.MAX_VALUE - clock ? Long.MAX_VALUE : clock + quantum;
    }
}
