package chan.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot of the run's counters, for {@code --stats}: per core, busy cycles (guest code charged by
 * the interpreter, runtime operations, context switches, spinning), idle cycles (the final time minus
 * busy), strand runs (dispatches), threads placed on it, and messages it sent and received, local (same
 * core) or remote. A message is one value passed from a strand to a strand through a channel, counted
 * when it is received; timer ticks and exit notices are not counted.
 */
public final class Stats {
    public record CoreStats(int core, long busy, long idle, long runs, long threads,
                            long sentLocal, long sentRemote, long receivedLocal, long receivedRemote) {}

    private final String machine;
    private final long finalTime;
    private final long threadsCreated;
    private final long crashes;
    private final long leaked;
    private final List<CoreStats> cores = new ArrayList<>();

    /**
     * The counters of cores {@code cs} up to virtual time {@code until} at the most (main's end): the
     * cycles a core ran past it are busy cycles nobody saw (a core idles only up to the earliest time
     * anything can happen, never past main's end), and are left out.
     */
    Stats(Machine m, Core[] cs, long until, long threadsCreated, long crashes, long leaked) {
        this.leaked = leaked;
        this.machine = m.name();
        long end = 0;
        for (Core c : cs) end = Math.max(end, Math.min(c.clock(), until));
        this.finalTime = end;
        this.threadsCreated = threadsCreated;
        this.crashes = crashes;
        for (Core c : cs) {
            long busy = Math.max(0, c.busy() - Math.max(0, c.clock() - until));
            cores.add(new CoreStats(c.id, busy, end - busy, c.runs, c.threads,
                    c.sentLocal, c.sentRemote, c.receivedLocal, c.receivedRemote));
        }
    }

    /** The largest core clock, up to main's end: when the last core finished. */
    public long finalTime() { return finalTime; }

    public long threadsCreated() { return threadsCreated; }

    public long crashes() { return crashes; }

    /** Threads still blocked on a channel or choose when main ended ({@link Scheduler#leaked}). */
    public long leaked() { return leaked; }

    public List<CoreStats> cores() { return cores; }

    public long messagesLocal() { return cores.stream().mapToLong(CoreStats::receivedLocal).sum(); }

    public long messagesRemote() { return cores.stream().mapToLong(CoreStats::receivedRemote).sum(); }

    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "machine %s, %d %s, final virtual time %d cycles, %d %s, %d crashed, %d leaked%n",
                machine, cores.size(), cores.size() == 1 ? "core" : "cores", finalTime, threadsCreated,
                threadsCreated == 1 ? "thread" : "threads", crashes, leaked));
        b.append(String.format(Locale.ROOT, "%5s %14s %14s %10s %8s %21s %21s%n",
                "core", "busy", "idle", "runs", "threads", "sent local/remote", "recv local/remote"));
        CoreStats total = new CoreStats(-1, 0, 0, 0, 0, 0, 0, 0, 0);
        for (CoreStats c : cores) {
            row(b, Integer.toString(c.core()), c);
            total = new CoreStats(-1, total.busy() + c.busy(), total.idle() + c.idle(), total.runs() + c.runs(),
                    total.threads() + c.threads(), total.sentLocal() + c.sentLocal(), total.sentRemote() + c.sentRemote(),
                    total.receivedLocal() + c.receivedLocal(), total.receivedRemote() + c.receivedRemote());
        }
        row(b, "all", total);
        return b.toString();
    }

    private static void row(StringBuilder b, String name, CoreStats c) {
        b.append(String.format(Locale.ROOT, "%5s %14d %14d %10d %8d %21s %21s%n", name, c.busy(), c.idle(), c.runs(),
                c.threads(), c.sentLocal() + "/" + c.sentRemote(), c.receivedLocal() + "/" + c.receivedRemote()));
    }
}
