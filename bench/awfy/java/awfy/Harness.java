package awfy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@code java awfy.Harness NAME ITERATIONS INNER}: runs a benchmark ITERATIONS times (each one
 * outer iteration of INNER inner iterations, as the suite's harness does) and prints
 * "NAME: RESULT" and then "NAME: median-after-warm-up MICROSECONDS us", the median over the second
 * half of the iterations, then "NAME: median-cpu-after-warm-up MICROSECONDS us", the same for the
 * CPU time of the thread that runs the benchmark (on a loaded machine wall time mostly measures
 * the other processes). bench/awfy/run reads those two lines.
 *
 * <p>The first half is the warm-up, and it lasts at least {@code -Dawfy.warmupSeconds} (default 3)
 * of wall time, however many iterations that takes: C2 compiles in the background, and 30
 * iterations of a 1 ms benchmark end before its code arrives (Bounce's median read 1.3-1.6 ms after
 * 30 warm-up iterations, 0.94-0.99 ms after 500 or more, on the same machine). The Chan side
 * compiles on the benchmark's thread ({@code BackgroundCompilation=false}), so its runs after the
 * first are warm.
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) {
        String name = args[0];
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int inner = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Benchmark benchmark = Benchmark.named(name);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmupNanos = (long) (Double.parseDouble(System.getProperty("awfy.warmupSeconds", "3")) * 1e9);
        Object result = null;
        int warmups = 0;
        for (long begin = System.nanoTime(); warmups < iterations / 2 || System.nanoTime() - begin < warmupNanos; warmups++) {
            result = benchmark.run(inner);
        }
        long[] micros = new long[iterations - iterations / 2];
        long[] cpuMicros = new long[micros.length];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            result = benchmark.run(inner);
            cpuMicros[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1000;
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        System.out.println(name + ": " + result);
        System.out.println(name + ": median-after-warm-up " + median(micros) + " us");
        System.out.println(name + ": median-cpu-after-warm-up " + median(cpuMicros) + " us");
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
