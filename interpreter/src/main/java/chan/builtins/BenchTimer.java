package chan.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The timer behind {@code bench_start()} and {@code bench_stop()}: the part of a run that {@code chan
 * bench} measures, as Go's {@code b.StartTimer}/{@code b.StopTimer} mark it. A benchmark program
 * brackets its measured work with them (bench/awfy/harness.chan: the inner benchmark loop, as the
 * Are-We-Fast-Yet harness of every language times it), so that a run's figure leaves out the
 * program's start and end (the simulated machine's set-up, module initialisation, argument parsing,
 * printing the result), which run once per run in the interpreter and, for a 2 ms benchmark, would be
 * a sixth of its time.
 *
 * <p>Off unless {@code chan bench} turns it on: then the built-ins do nothing, so a program behaves
 * the same under {@code chan FILE}, {@code chan test} and {@code chan bench}; the timer reads host
 * time, which the program never sees (both built-ins return nil), so runs stay deterministic.
 *
 * <p>Static, and confined to the one thread that runs {@code chan bench}'s program (every simulated
 * core runs on it): the bench command and the language share no other channel.
 */
public final class BenchTimer {
    private static boolean enabled;
    private static ThreadMXBean threads;
    private static boolean used;
    private static boolean running;
    private static long wallStart;
    private static long cpuStart;
    private static long wall;
    private static long cpu;

    private BenchTimer() {}

    /** Turns the timer on for this process (chan bench only). */
    public static void enable() {
        threads = ManagementFactory.getThreadMXBean();
        enabled = true;
    }

    /** Forgets the previous run's intervals: called before each run. */
    public static void beginRun() {
        used = false;
        running = false;
        wall = 0;
        cpu = 0;
    }

    /** Closes an interval the run left open (a start without a stop runs to the end of the run). */
    public static void endRun() {
        stop();
    }

    /** Whether the last run marked any interval; if not, the whole run is the figure. */
    public static boolean used() {
        return used;
    }

    /** Wall time of the last run's intervals, in nanoseconds. */
    public static long wallNanos() {
        return wall;
    }

    /** CPU time of the program's thread in the last run's intervals, in nanoseconds. */
    public static long cpuNanos() {
        return cpu;
    }

    /** {@code bench_start()}: opens an interval; a second start while one is open changes nothing. */
    @TruffleBoundary
    static void start() {
        if (!enabled || running) {
            return;
        }
        used = true;
        running = true;
        wallStart = System.nanoTime();
        cpuStart = threads.getCurrentThreadCpuTime();
    }

    /** {@code bench_stop()}: closes the open interval, if any, and adds it to the run's time. */
    @TruffleBoundary
    static void stop() {
        if (!enabled || !running) {
            return;
        }
        cpu += threads.getCurrentThreadCpuTime() - cpuStart;
        wall += System.nanoTime() - wallStart;
        running = false;
    }
}
