package chan.nodes;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * What an outlined loop (OutlinedLoop) returns when it ends without a `return`, or when it stops
 * at its back-edge to be called again ({@link #restarts}): the values of its function's locals that
 * it was given, in the same order, which the function stores back, and when it stops, a `for`
 * loop's place after them, which the function gives the next call. Never a Chan value: only
 * CallLoop's caller sees it, and a tool, as the value the loop's root returns (hence an interop object).
 */
public final class LoopExit implements TruffleObject {
    /** The loop ended. */
    public static final int ENDED = 0;
    /** The loop's thread is to be preempted: its function suspends, then calls the loop again. */
    public static final int PREEMPTED = 1;
    /**
     * The loop reached its back-edge after a block or preemption inside its body: from there it ran
     * in its continuation, with its locals in memory, so its function calls it again at once.
     */
    public static final int RESUMED = 2;

    private final Object[] values;
    private final int how;

    public LoopExit(Object[] values, int how) {
        this.values = values;
        this.how = how;
    }

    /** Whether the loop stopped at its back-edge, to be called again (PREEMPTED or RESUMED). */
    public boolean restarts() {
        return how != ENDED;
    }

    public boolean preempted() {
        return how == PREEMPTED;
    }

    public Object value(int index) {
        return values[index];
    }
}
