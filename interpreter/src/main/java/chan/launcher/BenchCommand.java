package chan.launcher;

import chan.builtins.BenchTimer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * `chan bench FILE [RUNS] [args…] [options]`: runs a program RUNS times in one engine (so the JIT warms
 * up across runs) and prints wall time per run for the second half of the runs (after warm-up): min,
 * median and max, and whether the optimizing runtime is active. The program's arguments and options
 * (`--cores`, `--machine`, …) are passed to every run. Figures are for comparing runs side by side on
 * one machine, not absolute claims.
 *
 * <p>A program that prints a line {@code ops N} (N operations per run) also gets nanoseconds per
 * operation, in wall time and in the CPU time of the thread that runs the program (the whole simulated
 * machine runs on that one host thread; JIT compiler and GC threads are not counted): on a loaded
 * machine the CPU figure is the steadier one. Memory: "peak heap" is the largest heap occupancy seen during a timed run (the sum of the
 * heap pools' peaks, garbage included); "peak live heap" comes from one extra, untimed run during which
 * a sampler forces a full GC every {@link HeapSampler#PERIOD_MS} ms and keeps the largest heap left
 * after it, minus the live heap before the run: what the run itself keeps reachable at its worst.
 *
 * <p>A program that calls {@code bench_start()} and {@code bench_stop()} ({@link BenchTimer}) is timed
 * only between them: its wall and CPU figures are the sums of those intervals in each run (the
 * allocation and heap figures stay the whole run's).
 *
 * <p>With a Java baseline ({@link BenchBaseline}: `--baseline CLASS`), each run is followed by one
 * timed iteration of the baseline in this process, and the report adds the baseline's figures and the
 * ratio of the CPU times, pair by pair: a ratio measured side by side, at one moment of the machine.
 */
final class BenchCommand {
    private static final Pattern OPS = Pattern.compile("(?m)^ops (\\d+)\\s*$");

    private BenchCommand() {}

    private static final boolean EACH_RUN = Boolean.getBoolean("chan.bench.eachRun");

    /**
     * How much slower than its fastest the baseline may run for its pair to count as taken at the
     * host's fast speed. On the shared hosts here the speed drops for seconds at a time, and it drops
     * unevenly: Richards' pairs read 19.5 / 8.1 ms in one stretch of a process and 40 / 12.5 ms in
     * the next (bench/README.md, "Pairs in one process"), so the ratio of a slow pair is not the
     * ratio of the code. The baseline's own time tells the stretches apart.
     */
    private static final double FAST_PAIR_MARGIN = 1.10;

    /** Times {@code runs} runs of {@code file}, each followed by one timed iteration of {@code baseline} (null: none). */
    static int run(String file, int runs, List<String> programArgs, Map<String, String> options, BenchBaseline baseline, PrintStream out,
                    PrintStream err) {
        ByteArrayOutputStream programOut = new ByteArrayOutputStream();
        // One compilation tier: on a busy machine the compiler threads get little CPU, and compiling
        // every hot function twice (tier 1, then tier 2 with inlining) delays the code being measured.
        // The context gets its own engine, as in `chan FILE`, not an explicit one: an explicit engine
        // may serve several contexts, so its compiled code cannot fold the context to a constant and
        // reads it from a thread-local at every operation that needs it (every Poll, every call).
        try (Context context = EngineDefaults.apply(Context.newBuilder("chan").option("engine.WarnInterpreterOnly", "false")
                        .allowExperimentalOptions(true).option("engine.MultiTier", "false").out(programOut).err(err)
                        .allowIO(IOAccess.newBuilder().fileSystem(FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem())).build())
                        .arguments("chan", programArgs.toArray(new String[0])).options(options)).build()) {
            Engine engine = context.getEngine();
            Source source = Source.newBuilder("chan", new File(file)).name(file).build(); // errors name the path as given, as `chan FILE` does
            long[] nanos = new long[runs];
            long[] cpu = new long[runs];
            long[] allocated = new long[runs];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long peakHeap = 0;
            boolean timed = false;
            long[] baselineNanos = new long[runs];
            long[] baselineCpu = new long[runs];
            if (baseline != null && !baselineStep(baseline, () -> baseline.warmUp(BenchBaseline.warmUpSeconds()), err)) {
                return 1;
            }
            BenchTimer.enable();
            for (int i = 0; i < runs; i++) {
                programOut.reset();
                HeapSampler.resetPeaks();
                long startFaults = EACH_RUN ? ThreadFaults.minor() : 0;
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                long startAllocated = allocatedBytes(threads);
                BenchTimer.beginRun();
                int exit = context.eval(source).asInt();
                cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
                allocated[i] = allocatedBytes(threads) - startAllocated;
                nanos[i] = System.nanoTime() - start;
                BenchTimer.endRun();
                if (BenchTimer.used()) {
                    timed = true;
                    cpu[i] = BenchTimer.cpuNanos();
                    nanos[i] = BenchTimer.wallNanos();
                }
                if (EACH_RUN) {
                    // -Dchan.bench.eachRun=true: when the JIT's code arrives, the program thread's CPU
                    // time, which a loaded machine disturbs far less than wall time; and the thread's minor
                    // page faults, whose kernel time (zeroing fresh heap pages) that CPU time includes
                    err.printf("run %d: wall %.2f ms, cpu %.2f ms, allocated %d bytes, page faults %d%n", i + 1, nanos[i] / 1e6, cpu[i] / 1e6,
                                    allocated[i], ThreadFaults.minor() - startFaults);
                }
                if (exit != 0) {
                    err.println("chan bench: " + file + " exited with " + exit);
                    return exit;
                }
                if (baseline != null) {
                    long baselineStart = System.nanoTime();
                    long baselineStartCpu = threads.getCurrentThreadCpuTime();
                    if (!baselineStep(baseline, baseline::runOnce, err)) {
                        return 1;
                    }
                    baselineCpu[i] = threads.getCurrentThreadCpuTime() - baselineStartCpu;
                    baselineNanos[i] = System.nanoTime() - baselineStart;
                    if (EACH_RUN) {
                        err.printf("  baseline after run %d: wall %.2f ms, cpu %.2f ms%n", i + 1, baselineNanos[i] / 1e6, baselineCpu[i] / 1e6);
                    }
                }
                if (i >= runs / 2) {
                    peakHeap = Math.max(peakHeap, HeapSampler.poolPeaks());
                }
            }
            long ops = opsOf(programOut.toString());
            HeapSampler sampler = HeapSampler.start();
            context.eval(source);
            long live = sampler.stop();
            long[] warm = afterWarmUp(nanos);
            long[] warmCpu = afterWarmUp(cpu);
            // One run has no warm-up before it: its figures are a cold run's, and must not be called warm.
            String counted = runs == 1 ? "1 run, with no warm-up (RUNS 1)" : runs + " runs, after warm-up";
            out.printf("%s: %s: min %.2f ms, median %.2f ms, max %.2f ms; runtime: %s%n", file, counted,
                            warm[0] / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6, Versions.runtime(engine));
            out.printf("  cpu time of the program's thread%s: min %.2f ms, median %.2f ms%n", runs == 1 ? "" : " after warm-up", warmCpu[0] / 1e6,
                            warmCpu[warmCpu.length / 2] / 1e6);
            if (timed) {
                out.println("  timed: the part of each run between bench_start() and bench_stop() (whole runs that call neither)");
            }
            if (baseline != null) {
                reportBaseline(baseline, baselineNanos, baselineCpu, cpu, out);
            }
            if (ops > 0) {
                out.printf("  %d ops per run: %.1f ns/op (median), %.1f ns/op (min); cpu %.1f ns/op (median)%n", ops,
                                (double) warm[warm.length / 2] / ops, (double) warm[0] / ops, (double) warmCpu[warmCpu.length / 2] / ops);
                if (countsAllocation(threads)) {
                    long[] warmAllocated = afterWarmUp(allocated);
                    out.printf("  allocated by the program's thread: %.1f bytes/op (median), %.1f bytes/op (min)%n",
                                    (double) warmAllocated[warmAllocated.length / 2] / ops, (double) warmAllocated[0] / ops);
                }
            }
            out.printf("  peak heap %.1f MB; peak live heap %.1f MB (%d bytes, %d samples)%n", peakHeap / 1e6, live / 1e6, live,
                            sampler.samples());
            return 0;
        } catch (IOException e) {
            err.println("chan bench: cannot read " + file + ": " + chan.runtime.FileFailure.reason(e));
            return 2;
        }
    }

    /** Runs a step of the baseline: false, with the reason on {@code err}, if it threw or computed a wrong result. */
    private static boolean baselineStep(BenchBaseline baseline, BooleanSupplier step, PrintStream err) {
        try {
            if (step.getAsBoolean()) {
                return true;
            }
            err.println("chan bench: the baseline " + baseline.name() + " computed a wrong result");
        } catch (RuntimeException e) {
            err.println("chan bench: the baseline " + baseline.name() + " failed: " + e);
        }
        return false;
    }

    /**
     * The baseline's times after warm-up and, for each run after warm-up, the program's CPU time over
     * the baseline's iteration that followed it: median and range over all pairs, and the median over
     * the pairs taken at the host's fast speed ({@link #FAST_PAIR_MARGIN}).
     */
    private static void reportBaseline(BenchBaseline baseline, long[] nanos, long[] cpu, long[] programCpu, PrintStream out) {
        long[] warm = afterWarmUp(nanos);
        long[] warmCpu = afterWarmUp(cpu);
        int first = programCpu.length / 2;
        double[] ratios = new double[programCpu.length - first];
        double[] fast = new double[ratios.length];
        int fastCount = 0;
        for (int i = first; i < programCpu.length; i++) {
            ratios[i - first] = (double) programCpu[i] / Math.max(1, cpu[i]);
            if (cpu[i] <= warmCpu[0] * FAST_PAIR_MARGIN) {
                fast[fastCount++] = ratios[i - first];
            }
        }
        Arrays.sort(ratios);
        Arrays.sort(fast, 0, fastCount);
        out.printf("  baseline %s, one iteration after each run: cpu min %.2f ms, median %.2f ms; wall min %.2f ms, median %.2f ms%n",
                        baseline.name(), warmCpu[0] / 1e6, warmCpu[warmCpu.length / 2] / 1e6, warm[0] / 1e6, warm[warm.length / 2] / 1e6);
        out.printf("  cpu time over the baseline's, run by run after warm-up: median %.2f, min %.2f, max %.2f%n", ratios[ratios.length / 2],
                        ratios[0], ratios[ratios.length - 1]);
        out.printf("  the same over the %d of %d pairs whose baseline ran within %.0f%% of its fastest: median %.2f%n", fastCount, ratios.length,
                        (FAST_PAIR_MARGIN - 1) * 100, fast[fastCount / 2]);
    }

    /** The second half of the runs (after warm-up), sorted: [0] is the minimum, [length / 2] the median. */
    private static long[] afterWarmUp(long[] perRun) {
        long[] warm = Arrays.copyOfRange(perRun, perRun.length / 2, perRun.length);
        Arrays.sort(warm);
        return warm;
    }

    /** Whether this JVM counts the bytes each thread allocates. */
    private static boolean countsAllocation(ThreadMXBean threads) {
        return threads instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()
                        && counting.isThreadAllocatedMemoryEnabled();
    }

    /** Bytes the calling thread has allocated so far, or 0 where the JVM does not count them ({@link #countsAllocation}). */
    private static long allocatedBytes(ThreadMXBean threads) {
        return countsAllocation(threads) ? ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes() : 0;
    }

    /** N from the program's {@code ops N} line, or 0. */
    private static long opsOf(String output) {
        Matcher m = OPS.matcher(output);
        long ops = 0;
        while (m.find()) {
            ops = Long.parseLong(m.group(1));
        }
        return ops;
    }
}
