package awfy;

import java.util.function.Predicate;

/**
 * One Are-We-Fast-Yet benchmark: the Java baseline of bench/awfy/*.chan. As in the suite's own
 * Java port, {@link #innerBenchmarkLoop} runs the benchmark {@code inner} times and checks each
 * result; {@link #run} also returns the last result, which the checksum test compares with the
 * Chan port's. As a {@code Predicate<String[]>} it is the baseline `chan bench --baseline` runs
 * beside the Chan port: {@link #test} is one outer iteration, its inner count the first argument, as
 * the Chan port's is (bench/awfy/harness.chan).
 */
public abstract class Benchmark implements Predicate<String[]> {
    public abstract Object benchmark();

    public abstract boolean verifyResult(Object result);

    public boolean innerBenchmarkLoop(int innerIterations) {
        for (int i = 0; i < innerIterations; i++) {
            if (!verifyResult(benchmark())) {
                return false;
            }
        }
        return true;
    }

    /** Runs the inner loop and returns the last result; throws if a result is wrong. */
    public Object run(int innerIterations) {
        Object result = null;
        for (int i = 0; i < innerIterations; i++) {
            result = benchmark();
            if (!verifyResult(result)) {
                throw new IllegalStateException(getClass().getSimpleName() + ": wrong result " + result);
            }
        }
        return result;
    }

    /** One outer iteration of the inner count in {@code args[0]} (default 1); throws if a result is wrong. */
    @Override
    public boolean test(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 1);
        return true;
    }

    /** The benchmark of that name (Bounce, List, ..., Richards). */
    public static Benchmark named(String name) {
        return switch (name) {
            case "Bounce" -> new Bounce();
            case "List" -> new List();
            case "Mandelbrot" -> new Mandelbrot();
            case "NBody" -> new NBody();
            case "Permute" -> new Permute();
            case "Queens" -> new Queens();
            case "Richards" -> new Richards();
            case "Sieve" -> new Sieve();
            case "Storage" -> new Storage();
            case "Towers" -> new Towers();
            default -> throw new IllegalArgumentException("no benchmark named " + name);
        };
    }
}
