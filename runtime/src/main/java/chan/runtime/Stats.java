package chan.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** The usual widths of the table's columns; a column widens to hold a longer figure. */
    private static final int[] WIDTHS = {5, 14, 14, 10, 8, 21, 21};

    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "machine %s, %d %s, final virtual time %d cycles, %d %s, %d crashed, %d leaked%n",
                machine, cores.size(), cores.size() == 1 ? "core" : "cores", finalTime, threadsCreated,
                threadsCreated == 1 ? "thread" : "threads", crashes, leaked));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"core", "busy", "idle", "runs", "threads", "sent local/remote", "recv local/remote"});
        // The totals in BigInteger: the idle cycles of many cores of a long run add up past a long.
        BigInteger[] total = new BigInteger[8];
        Arrays.fill(total, BigInteger.ZERO);
        for (CoreStats c : cores) {
            long[] figures = {c.busy(), c.idle(), c.runs(), c.threads(), c.sentLocal(), c.sentRemote(), c.receivedLocal(), c.receivedRemote()};
            for (int i = 0; i < figures.length; i++) total[i] = total[i].add(BigInteger.valueOf(figures[i]));
            rows.add(row(Integer.toString(c.core()), Arrays.stream(figures).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new)));
        }
        rows.add(row("all", total));
        int[] widths = WIDTHS.clone();
        for (String[] r : rows) {
            for (int i = 1; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length() + 1); // two spaces at least between figures
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) b.append(' ');
                b.append(" ".repeat(Math.max(0, widths[i] - r[i].length()))).append(r[i]);
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    /** A row's cells: busy, idle, runs, threads, then the sent and received pairs from {@code f}'s eight figures. */
    private static String[] row(String name, BigInteger[] f) {
        return new String[] {name, f[0].toString(), f[1].toString(), f[2].toString(), f[3].toString(), f[4] + "/" + f[5], f[6] + "/" + f[7]};
    }
}
