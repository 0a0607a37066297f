package chan.runtime;

import java.util.function.BiPredicate;

/**
 * A block of shared cache lines, one word each, whose loads, stores and compare-and-swaps cost what a
 * cache-coherence protocol would charge on the simulated machine. It exists so that a program can
 * compare updating shared memory with sending messages (SOSP 2009 Fig. 3); everything else in Chan
 * shares nothing. docs/machine-model.md §9 describes the model; in short, per line:
 *
 * <ul>
 * <li>State: an <b>owner</b> (the core that wrote it last; at first the core that made the block) and a
 *     <b>sharer</b> set (cores holding a valid copy, the owner included). The block has one home (the
 *     memory it was allocated in), whose memory controller orders the coherence transactions on its
 *     lines one at a time, as AMD's broadcast protocol does: the block is <b>busy</b> until its last
 *     transfer ends. So cores that contend for lines of one block queue behind each other, and that
 *     queueing is what makes shared-memory updates grow with cores × lines. Lines of different
 *     blocks move in parallel.
 * <li>A load by a sharer hits in its cache: the same-core latency. A load by any other core waits until
 *     the block is free, then fetches it from the owner ({@code latency(owner, core)}, as MOESI on the
 *     AMD machines lets the owner supply dirty data); the core joins the sharers.
 * <li>A store or compare-and-swap needs the line exclusive. If the core is the only sharer, it hits.
 *     Otherwise it waits until the block is free, then invalidates every other sharer: it pays the
 *     farthest of their latencies (the probes go out in parallel) plus {@link CostModel#INVALIDATION}
 *     for each probe beyond the first (they are issued one by one). It becomes owner and only sharer.
 *     A failed compare-and-swap still takes the line exclusive, as a locked instruction does.
 * </ul>
 * The whole wait and transfer is charged to the accessing core as busy time: a cache miss stalls the
 * core, it does not switch threads.
 *
 * <p>Ordering: an access happens at its core's clock, but a strand runs ahead of the other cores for a
 * whole stretch of host execution (docs/machine-model.md §3). So an access is a synchronisation
 * point: if another core could act earlier, the strand first yields and the access runs when the
 * scheduler next picks it (see {@link Scheduler#atOwnTurn}), by which time no core can do anything
 * earlier. Accesses therefore happen in virtual-time order, which keeps contention honest.
 *
 * <p>Values are whatever the interpreter stores (it admits only immutable words); {@code same} is the
 * language's equality, used by compare-and-swap.
 */
public final class SharedMemory {
    private final Scheduler s;
    private final int id;
    private final Object[] values;
    private final int[] owner;
    private final long[][] sharers; // a bit set of cores per line
    private long busyUntil;
    private final BiPredicate<Object, Object> same;

    /** Makes {@code lines} lines holding {@code fill}, owned by the current core. */
    public SharedMemory(Scheduler s, int lines, Object fill, BiPredicate<Object, Object> same) {
        if (lines < 1) throw new ChanRuntimeError("shared: expected at least 1 line, got " + lines);
        this.s = s;
        this.id = s.newSharedId();
        this.same = same;
        this.values = new Object[lines];
        this.owner = new int[lines];
        this.sharers = new long[lines][(s.cores() + 63) / 64];
        int home = s.currentCore();
        for (int i = 0; i < lines; i++) {
            values[i] = fill;
            owner[i] = home;
            set(sharers[i], home);
        }
    }

    public int id() { return id; }

    public int lines() { return values.length; }

    /** The value of {@code line}; or BLOCK, and the strand resumes with it. */
    public Object load(int line) {
        check(line);
        return s.atOwnTurn(() -> {
            int me = s.currentCore();
            if (!has(sharers[line], me)) {
                transfer(line, s.lat(owner[line], me));
                set(sharers[line], me);
            } else {
                hit(me);
            }
            return values[line];
        });
    }

    /** Writes {@code value} into {@code line}; returns nil, or BLOCK and the strand resumes with nil. */
    public Object store(int line, Object value) {
        check(line);
        return s.atOwnTurn(() -> {
            takeExclusive(line);
            values[line] = value;
            return s.nil;
        });
    }

    /** If {@code line} holds {@code expected}, writes {@code value}; returns whether it did (or BLOCK). */
    public Object compareAndSwap(int line, Object expected, Object value) {
        check(line);
        return s.atOwnTurn(() -> {
            takeExclusive(line);
            if (!same.test(values[line], expected)) return Boolean.FALSE;
            values[line] = value;
            return Boolean.TRUE;
        });
    }

    /** The value without any cost or ordering: for tests and debugging only. */
    public Object peek(int line) {
        check(line);
        return values[line];
    }

    /** The current owner of a line (for tests). */
    public int owner(int line) { return owner[line]; }

    private void takeExclusive(int line) {
        int me = s.currentCore();
        long[] set = sharers[line];
        int probes = 0;
        int farthest = 0;
        for (int w = 0; w < set.length; w++) {
            for (long bits = set[w]; bits != 0; bits &= bits - 1) {
                int c = w * 64 + Long.numberOfTrailingZeros(bits);
                if (c == me) continue;
                probes++;
                farthest = Math.max(farthest, s.lat(c, me));
            }
        }
        if (probes == 0) {
            hit(me);
        } else {
            transfer(line, farthest + (probes - 1) * CostModel.INVALIDATION);
        }
        java.util.Arrays.fill(set, 0);
        set(set, me);
        owner[line] = me;
    }

    /** The line is in this core's cache: an L1 hit. */
    private void hit(int me) {
        s.spend(s.lat(me, me));
    }

    /** Waits for the block's home to be free, then moves it for {@code cycles}; the core stalls throughout. */
    private void transfer(int line, long cycles) {
        long now = s.now();
        long done = Math.max(now, busyUntil) + cycles;
        busyUntil = done;
        s.spend(done - now);
    }

    private void check(int line) {
        if (line < 0 || line >= values.length) {
            throw new ChanRuntimeError("shared: line " + line + " out of range 0.." + (values.length - 1));
        }
    }

    private static boolean has(long[] set, int core) { return (set[core >>> 6] & (1L << core)) != 0; }

    private static void set(long[] set, int core) { set[core >>> 6] |= 1L << core; }

    @Override
    public String toString() {
        return "<shared " + id + ": " + values.length + (values.length == 1 ? " line>" : " lines>");
    }
}
