package chan.runtime;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What the run prints after {@code deadlock: all threads are blocked}: every blocked thread with its
 * core and the operation it is blocked in, then any cycles found in the wait-for graph
 * ({@link WaitForGraph} says how the graph is built). Threads are listed by id; each cycle starts at
 * its lowest id.
 */
public final class DeadlockReport {
    /** One blocked thread. */
    public record Blocked(int id, boolean main, int core, String site) {}

    /** At most this many threads are listed by {@link #format}; the rest are counted. */
    static final int MAX_LISTED = 100;
    /** At most this many threads of a cycle are printed; the rest are counted (a ring of 300,000 was a 5 MB line). */
    static final int MAX_IN_CYCLE = 20;

    private final List<Blocked> blocked;
    private final List<List<Integer>> cycles;
    private final IntFunction<List<Integer>> waitsFor;

    DeadlockReport(List<Blocked> blocked, List<List<Integer>> cycles, IntFunction<List<Integer>> waitsFor) {
        this.blocked = List.copyOf(blocked);
        this.cycles = List.copyOf(cycles);
        this.waitsFor = waitsFor;
    }

    /**
     * The ids of the threads that blocked thread {@code id} is taken to wait for ({@link WaitForGraph}),
     * in order; computed when asked, since a hundred thousand threads blocked on one channel would
     * each wait for the same hundred thousand.
     */
    public List<Integer> waitsFor(int id) { return waitsFor.apply(id); }

    public List<Blocked> blocked() { return blocked; }

    /** Each cycle as thread ids, lowest first, without repeating the first at the end. */
    public List<List<Integer>> cycles() { return cycles; }

    /**
     * Lines like {@code   thread 1 (main) on core 0: receive at prog.chan:5:9} and
     * {@code   cycle: thread 2 -> thread 3 -> thread 2}, each ending in a newline.
     */
    public String format() {
        StringBuilder b = new StringBuilder();
        int listed = 0;
        for (Blocked t : blocked) {
            if (listed++ == MAX_LISTED) {
                b.append("  ... and ").append(blocked.size() - MAX_LISTED).append(" more blocked threads\n");
                break;
            }
            b.append("  thread ").append(t.id()).append(t.main() ? " (main)" : "")
                    .append(" on core ").append(t.core()).append(": ").append(t.site()).append('\n');
        }
        for (List<Integer> cycle : cycles) {
            b.append("  cycle:");
            for (int k = 0; k < Math.min(cycle.size(), MAX_IN_CYCLE); k++) b.append(" thread ").append(cycle.get(k)).append(" ->");
            if (cycle.size() > MAX_IN_CYCLE) {
                b.append(" (").append(cycle.size() - MAX_IN_CYCLE).append(" more threads) ->");
            }
            b.append(" thread ").append(cycle.get(0)).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
