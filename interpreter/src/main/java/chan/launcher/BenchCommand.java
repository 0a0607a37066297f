package chan.launcher;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * `chan bench FILE [RUNS [ARGS…]]`: runs a program RUNS times (default 20) in one engine, with ARGS
 * as its arguments (`args()`), so the JIT warms up across
 * runs), discards its output, and prints wall time per run for the second half of the runs (after
 * warm-up): min, median and max, and whether the optimizing runtime is active. Figures are for
 * comparing runs side by side on one machine, not absolute claims.
 */
final class BenchCommand {
    private BenchCommand() {}

    static int run(String file, List<String> words, PrintStream out, PrintStream err) {
        int runs = words.isEmpty() ? 20 : Integer.parseInt(words.get(0));
        String[] programArgs = words.isEmpty() ? new String[0] : words.subList(1, words.size()).toArray(new String[0]);
        // One compilation tier: on a busy machine the compiler threads get little CPU, and compiling
        // every hot function twice (tier 1, then tier 2 with inlining) delays the code being measured.
        try (Engine engine = Engine.newBuilder("chan").option("engine.WarnInterpreterOnly", "false")
                        .allowExperimentalOptions(true).option("engine.MultiTier", "false").build();
                        Context context = Context.newBuilder("chan").engine(engine).out(OutputStream.nullOutputStream())
                                        .allowIO(IOAccess.newBuilder().fileSystem(FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem())).build())
                                        .arguments("chan", programArgs).build()) {
            Source source = Source.newBuilder("chan", new File(file)).build();
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                int exit = context.eval(source).asInt();
                nanos[i] = System.nanoTime() - start;
                if (exit != 0) {
                    err.println("chan bench: " + file + " exited with " + exit);
                    return exit;
                }
            }
            long[] warm = Arrays.copyOfRange(nanos, runs / 2, runs);
            Arrays.sort(warm);
            out.printf("%s: %d runs, after warm-up: min %.2f ms, median %.2f ms, max %.2f ms; runtime: %s%n", file, runs,
                            warm[0] / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6, describe(engine));
            return 0;
        } catch (IOException e) {
            err.println("chan bench: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /** "Interpreted" means the fallback runtime: the Graal JIT is not active. */
    static String describe(Engine engine) {
        String name = engine.getImplementationName();
        return name.contains("Interpreted") ? name + " (JIT NOT active)" : name + " (JIT active)";
    }
}
