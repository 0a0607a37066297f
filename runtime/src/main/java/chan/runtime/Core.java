package chan.runtime;

/**
 * One simulated core: its virtual clock, its run queue, and its counters for {@link Stats}.
 *
 * <p>The run queue ({@link RunQueue}) is ordered by (readyAt, seq): a strand runs no earlier than the time its wake-up
 * reaches this core, and strands that became ready at the same time run in the order they were made
 * runnable — FIFO in virtual time. A yielding strand re-enters with readyAt = now, behind every strand
 * that was already ready. Sleepers wait here too, with a future readyAt.
 *
 * <p>Invariants: clock only grows, and clock = busy + idle cycles so far; the running strand is not
 * in the queue; every strand in the queue is RUNNABLE, or BLOCKED in a sleep; a strand waiting for
 * its turn is RUNNABLE, in {@link #atTurn} and not in the queue.
 */
final class Core {
    final int id;
    /**
     * The clock, except while this core is the meter's running core: then the meter counts it
     * ({@link Meter#clock}) and this field holds its value from when the core became the running one.
     * Read and advance it with {@link #clock()} and {@link #spend}, which know where it is.
     */
    long clock;
    private final Meter meter;
    /** Idle cycles so far; busy cycles are clock - idle, so spending a cycle updates one field. */
    long idle;
    final RunQueue runq = new RunQueue();
    /**
     * The strand that stopped, still this core's, to wait for its turn before an operation other
     * cores can see ({@link Scheduler#awaitTurn}): it runs next on this core, before anything in the
     * queue, at the clock it stopped at. At most one: only the running strand can stop so.
     */
    Strand atTurn;
    /** The run of {@link #atTurn}: where it started and where its quantum ends, to go on with. */
    long turnRunStart;
    long turnSliceEnd;
    /** The strand this core ran last: switching back to it costs no context switch. */
    Strand last;

    long runs;
    long threads;
    long sentLocal;
    long sentRemote;
    long receivedLocal;
    long receivedRemote;

    Core(int id, Meter meter) {
        this.id = id;
        this.meter = meter;
    }

    /** The core's virtual clock. */
    long clock() {
        return meter.runningCore == this ? meter.clock() : clock;
    }

    /** The earliest time this core could start a strand, or Long.MAX_VALUE when its queue is empty. */
    long earliest() {
        if (atTurn != null) return clock();
        Strand h = runq.peek();
        return h == null ? Long.MAX_VALUE : Math.max(clock(), h.readyAt);
    }

    /** Whether a queued strand could run now, at the core's clock. */
    boolean hasReady() {
        if (atTurn != null) return true;
        Strand h = runq.peek();
        return h != null && h.readyAt <= clock();
    }

    void spend(long cycles) {
        if (meter.runningCore == this) {
            meter.spend(cycles);
        } else {
            clock += cycles;
        }
    }

    /** Idles until {@code at} if that is later than the clock. */
    void idleUntil(long at) {
        long now = clock();
        if (at > now) {
            idle += at - now;
            spend(at - now);
        }
    }

    long busy() {
        return clock() - idle;
    }
}
