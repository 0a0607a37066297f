package chan.runtime;

/**
 * When things happen between cores (docs/machine-model.md, "Message timing"). A value sent from core i
 * at virtual time t is visible on core j at {@code t + latency(i, j)}, plus {@link CostModel#CACHE_LINE}
 * for each 64-byte line past the first when i ≠ j. A party whose operation completes at a later time
 * than its core's clock either spins (the wait is at most {@link CostModel#SPIN_LIMIT}: charged as busy
 * cycles, the strand keeps the core) or blocks, runnable again at that time, so that the core can run
 * others meanwhile. Every message is counted here for {@link Stats} and drawn here for {@link Trace}.
 */
final class Timing {
    private Timing() {}

    /**
     * The current strand t's operation completes at {@code at} with {@code result}: returns the result
     * after spinning if the wait is short, else makes t runnable at {@code at} and returns BLOCK.
     */
    static Object waitUntil(Scheduler s, Strand t, long at, Object result) {
        long wait = at - s.now();
        if (wait <= CostModel.SPIN_LIMIT) {
            s.spend(wait);
            if (s.trace != null) s.trace.arrive(t, s.now());
            return result;
        }
        t.resumeValue = result;
        s.makeRunnable(t, at);
        return Scheduler.BLOCK;
    }

    /** When value v, sent from core {@code from} at {@code sentAt}, is visible to strand {@code to}; counts it. */
    static long arrival(Scheduler s, Object v, int from, long sentAt, Strand to) {
        int j = to.core();
        Core a = s.cores[from];
        Core b = s.cores[j];
        if (from == j) {
            a.sentLocal++;
            b.receivedLocal++;
        } else {
            a.sentRemote++;
            b.receivedRemote++;
        }
        if (s.trace != null) s.trace.flow(from, sentAt, to);
        return sentAt + transferTime(s, v, from, j);
    }

    /** Latency plus the per-line charge for a cross-core transfer of v (not counted as a message). */
    static long transferTime(Scheduler s, Object v, int from, int to) {
        long t = s.lat(from, to);
        if (from != to) {
            long bytes = s.options.valueSizer.bytes(v);
            long lines = (bytes + CostModel.CACHE_LINE_BYTES - 1) / CostModel.CACHE_LINE_BYTES;
            if (lines > 1) t += (lines - 1) * CostModel.CACHE_LINE;
        }
        return t;
    }
}
