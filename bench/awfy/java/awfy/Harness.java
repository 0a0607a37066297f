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
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) {
        String name = args[0];
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int inner = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Benchmark benchmark = Benchmark.named(name);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] micros = new long[iterations];
        long[] cpuMicros = new long[iterations];
        Object result = null;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            result = benchmark.run(inner);
            cpuMicros[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1000;
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        System.out.println(name + ": " + result);
        System.out.println(name + ": median-after-warm-up " + medianOfSecondHalf(micros) + " us");
        System.out.println(name + ": median-cpu-after-warm-up " + medianOfSecondHalf(cpuMicros) + " us");
    }

    private static long medianOfSecondHalf(long[] times) {
        long[] warm = Arrays.copyOfRange(times, times.length / 2, times.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
