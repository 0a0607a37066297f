package chan.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs a Chan program in this JVM, in a context of its own (so a fresh engine, with no code compiled
 * by an earlier run), either with Truffle compilation off or with every function compiled after a few
 * calls, synchronously, in a single tier. The context is built as chan.launcher.ChanMain builds it
 * (its builder is private to the launcher, and it takes engine options only from -Dpolyglot.*
 * properties, which are global to the JVM); the program's own options (`--cores 2`, `--stats`, …)
 * are turned into the same `chan.*` options the launcher's command line gives.
 */
final class ProgramRunner {
    /** INTERPRETED_LOOPS_IN_PLACE: interpreted, every loop compiled inside its function (chan.OutlineLoops off). */
    enum Mode { INTERPRETED, COMPILED, INTERPRETED_LOOPS_IN_PLACE }

    /** What a run shows: its exit code and both streams; timedOut when it was stopped. */
    record Result(int exit, String stdout, String stderr, boolean timedOut) {
        String describe() {
            return "exit " + exit + (timedOut ? " (timed out)" : "") + "\n--- stdout (" + stdout.length() + " chars) ---\n"
                            + tail(stdout) + "--- stderr ---\n" + tail(stderr);
        }

        private static String tail(String s) {
            return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
        }
    }

    /** Exit code given to a run that threw out of the context: an internal error, as the launcher's 70. */
    static final int EXIT_INTERNAL = 70;
    private static final long STACK_BYTES = 1L << 30;

    /** The thresholds are low, so a function called a few dozen times runs compiled from then on. */
    static final Map<String, String> COMPILED_OPTIONS = Map.of(
                    "engine.BackgroundCompilation", "false",
                    "engine.MultiTier", "false",
                    "engine.SingleTierCompilationThreshold", "30",
                    "engine.OSRCompilationThreshold", "300",
                    "compiler.InliningRecursionDepth", "3");

    private ProgramRunner() {}

    /**
     * Runs FILE with the `chan` command-line options args. A log file, when given, receives the
     * engine's compilation trace (engine.TraceCompilation) of a compiled run.
     */
    static Result run(Path file, List<String> args, Mode mode, long timeoutMillis, Path log) {
        try {
            return run(Source.newBuilder("chan", file.toFile()).name(file.toString()).build(), args, mode, timeoutMillis, log);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Runs source as {@link #run(Path, List, Mode, long, Path)} runs a file; a source built from a
     * file with other content (a mutant) keeps the file's path, so its imports resolve beside it.
     */
    static Result run(Source source, List<String> args, Mode mode, long timeoutMillis, Path log) {
        return run(source, args, List.of(), InputStream.nullInputStream(), mode, timeoutMillis, log);
    }

    /**
     * Runs source as above, with the program's own arguments (what `args()` gives) and its standard
     * input: a conformance program's `//! args … -- WORDS` and `//! stdin FILE` (SuiteAgreesCompiled).
     */
    static Result run(Source source, List<String> args, List<String> programArgs, InputStream in, Mode mode, long timeoutMillis, Path log) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8);
        Context.Builder builder = Context.newBuilder("chan").in(in).out(o).err(e)
                        .allowIO(IOAccess.newBuilder().fileSystem(org.graalvm.polyglot.io.FileSystem.newReadOnlyFileSystem(
                                        org.graalvm.polyglot.io.FileSystem.newDefaultFileSystem())).build())
                        .arguments("chan", programArgs.toArray(new String[0]))
                        .allowExperimentalOptions(true)
                        .options(chanOptions(args));
        if (mode == Mode.INTERPRETED) {
            builder.option("engine.Compilation", "false");
        } else if (mode == Mode.INTERPRETED_LOOPS_IN_PLACE) {
            builder.option("engine.Compilation", "false").option("chan.OutlineLoops", "false");
        } else {
            builder.options(COMPILED_OPTIONS);
            if (log != null) {
                builder.option("engine.TraceCompilation", "true").option("log.file", log.toString());
            }
        }
        Context context = builder.build();
        int[] exit = {-1};
        Thread runner = new Thread(null, () -> {
            try {
                exit[0] = context.eval(source).asInt();
            } catch (PolyglotException p) {
                if (p.isExit()) {
                    exit[0] = p.getExitStatus();
                } else if (p.isCancelled()) {
                    exit[0] = -2;
                } else {
                    exit[0] = EXIT_INTERNAL;
                    e.println("internal error: " + stackTrace(p));
                }
            } catch (Throwable t) {
                exit[0] = EXIT_INTERNAL;
                e.println("internal error: " + stackTrace(t));
            }
        }, "fuzz " + mode + " " + source.getName(), STACK_BYTES);
        runner.setDaemon(true);
        runner.start();
        boolean timedOut = false;
        try {
            runner.join(timeoutMillis);
            if (runner.isAlive()) {
                timedOut = true;
                context.close(true); // cancels the run: its thread ends with a cancelled PolyglotException
                runner.join(10_000);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException closing) {
            timedOut = true;
        }
        if (!timedOut) {
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // closing after an exit or an internal error: what the run printed is what counts
            }
        }
        o.flush();
        e.flush();
        return new Result(exit[0], out.toString(UTF_8), err.toString(UTF_8), timedOut);
    }

    /** The `chan.*` options of the command-line words args, as chan.launcher.CommandLine reads them. */
    static Map<String, String> chanOptions(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--cores" -> options.put("chan.Cores", args.get(++i));
                case "--seed" -> options.put("chan.Seed", args.get(++i));
                case "--max-depth" -> options.put("chan.MaxDepth", args.get(++i));
                case "--machine" -> options.put("chan.Machine", args.get(++i));
                case "--stats" -> options.put("chan.Stats", "true");
                case "--warn-leaks" -> options.put("chan.WarnLeaks", "true");
                default -> throw new IllegalArgumentException("not an option the fuzzer gives: " + args.get(i));
            }
        }
        return options;
    }

    private static String stackTrace(Throwable t) {
        var w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
