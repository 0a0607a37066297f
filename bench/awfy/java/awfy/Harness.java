package awfy;

import java.util.Arrays;

/**
 * {@code java awfy.Harness NAME ITERATIONS INNER}: runs a benchmark ITERATIONS times (each one
 * outer iteration of INNER inner iterations, as the suite's harness does) and prints
 * "NAME: RESULT" and then "NAME: median-after-warm-up MICROSECONDS us", the median over the second
 * half of the iterations. bench/awfy/run reads that last line.
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) {
        String name = args[0];
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int inner = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Benchmark benchmark = Benchmark.named(name);
        long[] micros = new long[iterations];
        Object result = null;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            result = benchmark.run(inner);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        long[] warm = Arrays.copyOfRange(micros, iterations / 2, iterations);
        Arrays.sort(warm);
        System.out.println(name + ": " + result);
        System.out.println(name + ": median-after-warm-up " + warm[warm.length / 2] + " us");
    }
}
