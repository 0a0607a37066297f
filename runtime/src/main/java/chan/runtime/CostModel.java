package chan.runtime;

/**
 * The fixed costs, in cycles, that the runtime charges to the core that performs an operation.
 * Guest code is charged by the interpreter through {@link Scheduler#charge}; these are the runtime's
 * own operations. The numbers are chosen to sit in proportion to the papers' figures (DESIGN.md):
 * a channel operation is a few tens of cycles of bookkeeping, small next to the 75–260 cycle
 * cache-line transfers between cores; a context switch between user-level threads is about a hundred.
 * docs/machine-model.md explains how they combine with latencies into a message's timing.
 *
 * <p>Invariant: all costs are non-negative; every decision that depends on them is deterministic.
 */
public final class CostModel {
    private CostModel() {}

    /** Switching a core to a different strand (saving and restoring a continuation). */
    public static final long CONTEXT_SWITCH = 100;
    /** Creating a strand ({@code start}); charged to the creator. */
    public static final long SPAWN = 300;
    /** A send, a receive, a close: queue and buffer bookkeeping, not the data transfer. */
    public static final long SEND = 40;
    public static final long RECEIVE = 40;
    public static final long CLOSE = 40;
    /** A {@code choose}: a base cost plus one per enabled option (each is polled, and maybe enqueued). */
    public static final long CHOOSE = 40;
    public static final long CHOOSE_CASE = 20;
    /** Arming a timer: {@code sleep} and {@code after}. */
    public static final long TIMER = 40;
    /** {@code monitor(t)} and {@code kill(t)}. */
    public static final long MONITOR = 40;
    public static final long KILL = 40;

    /**
     * Each cache line of a message beyond the first, when it crosses cores: about a one-hop latency
     * divided by the ~8 misses a core keeps in flight, so large messages cost more but stay nearly flat
     * (SOSP 2009 Fig. 3). Free on the same core, where the data is already in L1.
     */
    public static final long CACHE_LINE = 25;
    public static final int CACHE_LINE_BYTES = 64;

    /**
     * Each invalidation probe beyond the first when a core takes a shared line exclusive
     * ({@link SharedMemory}): the probes travel in parallel, so the farthest latency is paid once, but
     * the requesting core issues them and collects their answers one by one.
     */
    public static final long INVALIDATION = 10;

    /**
     * A strand that must wait at most this long for data to arrive (or for the acknowledgement of a
     * rendezvous) spins, charging the wait as busy cycles; a longer wait blocks it so that the core can
     * run other strands. Equal to a context switch: spinning longer than a switch would be a loss.
     */
    public static final long SPIN_LIMIT = CONTEXT_SWITCH;

    /** Default scheduling quantum: a strand runs at most this long while others wait (preemption). */
    public static final long QUANTUM = 10_000;

    /** Suggested costs for the interpreter's own charges: one bytecode instruction, one call. */
    public static final long INSTRUCTION = 1;
    public static final long CALL = 10;
}
