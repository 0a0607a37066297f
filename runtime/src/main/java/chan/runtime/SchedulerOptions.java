package chan.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one run, and the few guest values the runtime must hand back without understanding them.
 * Fields are public and may be set directly, or through the fluent setters of the same names:
 * {@code new SchedulerOptions().nil(NIL).quantum(5000).traceFile(p)}.
 *
 * <p>Defaults: quantum {@link CostModel#QUANTUM}; nil, normalReason and killedReason are Java strings
 * {@code "nil"}, {@code "normal"}, {@code "killed"} (fine for tests, replaced by the interpreter);
 * exit messages are {@code List.of("exit", t, reason)}; every value is 8 bytes; no stats, no trace;
 * at most 10,000,000 live threads.
 */
public final class SchedulerOptions {
    /** A strand may be preempted after running this many cycles while others wait. */
    public long quantum = CostModel.QUANTUM;
    /** The interpreter's nil: the value of a receive on a closed channel, of a resumed sleep. */
    public Object nil = "nil";
    public ExitMessageFactory exitMessageFactory = (t, reason) -> List.of("exit", t, reason);
    public Object normalReason = "normal";
    public Object killedReason = "killed";
    public ValueSizer valueSizer = v -> 8;
    /**
     * How to see into guest values and thread bodies, for the deadlock report's wait-for graph; null
     * (the runtime alone, its tests) takes the threads that last completed an operation on a channel
     * as those that could complete the next ({@link WaitForGraph}).
     */
    public ValueReferences valueReferences;
    /** Informational: the interpreter prints {@link Scheduler#stats()} when set (counters are always kept). */
    public boolean stats;
    /** Where to write the Chrome trace at the end of the run; null for none. */
    public Path traceFile;
    /** Most threads alive at once; spawning one more throws {@link ChanRuntimeError}. */
    public int maxThreads = 10_000_000;

    public SchedulerOptions quantum(long cycles) {
        if (cycles < 1) throw new IllegalArgumentException("quantum must be at least 1 cycle");
        this.quantum = cycles;
        return this;
    }

    public SchedulerOptions nil(Object nil) { this.nil = nil; return this; }

    public SchedulerOptions exitMessageFactory(ExitMessageFactory f) { this.exitMessageFactory = f; return this; }

    public SchedulerOptions normalReason(Object r) { this.normalReason = r; return this; }

    public SchedulerOptions killedReason(Object r) { this.killedReason = r; return this; }

    public SchedulerOptions valueSizer(ValueSizer s) { this.valueSizer = s; return this; }

    public SchedulerOptions valueReferences(ValueReferences r) { this.valueReferences = r; return this; }

    public SchedulerOptions stats(boolean on) { this.stats = on; return this; }

    public SchedulerOptions traceFile(Path p) { this.traceFile = p; return this; }

    public SchedulerOptions maxThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("maxThreads must be at least 1");
        this.maxThreads = n;
        return this;
    }
}
