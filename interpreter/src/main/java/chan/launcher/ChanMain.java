package chan.launcher;

import chan.parser.ParseAhead;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/** The `chan` command: runs a program, the REPL, or a conformance directory (LANGUAGE.md §6). */
public final class ChanMain {
    /** Exit code of an internal error (a bug in Chan itself), as in BSD's EX_SOFTWARE. */
    static final int EXIT_INTERNAL = 70;
    /** Exit code of a run stopped by its {@link Cancellation}, as of a shell's command ended by SIGINT. */
    static final int EXIT_CANCELLED = 130;
    /** Chan calls nest deeply (a thousand-deep recursion is ordinary): run on a thread with a large stack. */
    private static final long STACK_BYTES = 2L << 30;
    /** The helper parses too: a program nested deeper than this stack allows is parsed again on chan-main. */
    private static final long HELPER_STACK_BYTES = 256L << 20;

    private ChanMain() {}

    public static void main(String[] args) {
        TruffleAttachLibrary.useUnpacked();
        QuietOutOfMemory.install();
        int status = run(args, System.in, System.out, System.err);
        StartupTimes.mark("context closed");
        try {
            System.exit(status);
        } catch (OutOfMemoryError e) { // no room to start the shutdown hooks: the run has ended, and said so
            Runtime.getRuntime().halt(status);
        }
    }

    /** Runs `chan ARGS…` in this process with the given streams and returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, new Cancellation());
    }

    /** The same, stoppable from another thread: a program run by it ends when cancel is called. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Cancellation cancellation) {
        int[] exit = {EXIT_INTERNAL};
        Thread runner = new Thread(null, () -> {
            try {
                exit[0] = runOnThisThread(args, in, out, err, cancellation);
            } catch (OutOfMemoryError e) { // thrown again while the first one was being reported
                exit[0] = outOfMemory(err);
            }
        }, "chan-main", STACK_BYTES);
        runner.start();
        try {
            runner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exit[0];
    }

    private static int runOnThisThread(String[] args, InputStream in, PrintStream out, PrintStream err, Cancellation cancellation) {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageError e) {
            err.println("chan: " + e.getMessage());
            err.println(CommandLine.HELP_HINT);
            return 2;
        }
        String badPath = PathOptions.problem(cl.options());
        if (badPath != null) {
            err.println("chan: " + badPath);
            return 2;
        }
        switch (cl.command()) {
            case HELP:
                out.println(CommandLine.USAGE);
                return 0;
            case VERSION:
                out.print(Versions.describe());
                return 0;
            case TEST:
                return TestCommand.run(cl.file() == null ? "tests" : cl.file(), out, err);
            case BENCH:
                return bench(cl, out, err);
            case REPL:
                return runRepl(cl, in, out, err);
            default:
                return runFile(cl, in, out, err, cancellation);
        }
    }

    /** `chan bench FILE [RUNS] [args…]`: the first word after the file is RUNS when it is a number. */
    private static int bench(CommandLine cl, PrintStream out, PrintStream err) {
        String unreadable = ProgramFile.whyUnreadable(cl.file());
        if (unreadable != null) { // as `chan FILE` says it, before the runs' context is built
            err.println("chan bench: cannot read " + chan.runtime.VisibleText.of(cl.file()) + ": " + unreadable);
            return 2;
        }
        java.util.List<String> words = cl.programArgs();
        boolean counted = !words.isEmpty() && WholeNumber.parse(words.get(0)) != null;
        int runs = 20;
        if (counted) {
            try {
                runs = (int) WholeNumber.inRange(words.get(0), 1, 999_999);
            } catch (WholeNumber.BadNumber e) {
                err.println("chan bench: RUNS " + e.getMessage());
                return 2;
            }
        }
        java.util.List<String> programArgs = counted ? words.subList(1, words.size()) : words;
        BenchBaseline baseline = null;
        if (cl.baseline() != null) {
            try {
                baseline = BenchBaseline.load(cl.baseline(), cl.baselinePath(), programArgs);
            } catch (BenchBaseline.Unusable e) {
                err.println("chan bench: " + e.getMessage());
                return 2;
            }
        }
        return BenchCommand.run(cl.file(), runs, programArgs, cl.options(), baseline, out, err);
    }

    private static int runFile(CommandLine cl, InputStream in, PrintStream out, PrintStream err, Cancellation cancellation) {
        if (traceOntoMachineFile(cl, err)) {
            return 2;
        }
        if (cl.programOnStdin()) {
            Source.Builder program = StdinProgram.read(in, err);
            if (program == null) {
                return 2;
            }
            StartupTimes.mark("launcher started");
            startHelper(() -> {}); // its class loading ahead; no parse ahead, which reads files
            // Standard input was the program: read_line() finds its end, even on a terminal, which would read on.
            return run(cl, program, InputStream.nullInputStream(), out, err, cancellation);
        }
        if (cl.file().isEmpty()) {
            err.println("chan: the program's file name is empty");
            return 2;
        }
        String unreadable = ProgramFile.whyUnreadable(cl.file());
        if (unreadable != null) {
            err.println("chan: cannot read " + chan.runtime.VisibleText.of(cl.file()) + ": " + unreadable);
            return 2;
        }
        Path path = Path.of(cl.file());
        String trace = cl.options().get("chan.Trace");
        if (trace != null && isSameFile(path, Path.of(trace))) {
            err.println("chan: --trace " + chan.runtime.VisibleText.of(trace) + " would overwrite the program");
            return 2;
        }
        StartupTimes.mark("launcher started");
        startHelper(ParseAhead.prepare(path, cl.file()));
        return run(cl, Source.newBuilder("chan", path.toFile()).name(cl.file()), in, out, err, cancellation);
    }

    /**
     * Runs the program in a new context whose standard input is {@code in}; returns the exit code. The
     * source is built (a file read) once the context is, while the helper thread parses it ahead.
     */
    private static int run(CommandLine cl, Source.Builder program, InputStream in, PrintStream out, PrintStream err, Cancellation cancellation) {
        Context built;
        try {
            built = contextBuilder(cl, in, programOutput(out), err).build();
        } catch (IllegalArgumentException e) { // an option of a tool (--inspect…, --cpusampler…) that does not exist
            ParseAhead.cancel();
            return usageError(e, err);
        }
        try (Context context = built) {
            StartupTimes.mark("context built");
            cancellation.attach(context);
            int status = context.eval(program.build()).asInt();
            StartupTimes.mark("program ran");
            return status;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            if (e.isCancelled() || cancellation.requested()) {
                return EXIT_CANCELLED;
            }
            if (e.isResourceExhausted() || causedByOutOfMemory(e)) {
                return outOfMemory(err);
            }
            return internalError(e, cl, err);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        } catch (Exception | Error e) {
            return cancellation.requested() ? EXIT_CANCELLED : internalError(e, cl, err);
        } finally {
            ParseAhead.cancel();
        }
    }

    /**
     * Whether `--trace` names the `--machine` file (said on {@code err}): the machine file is read before
     * the trace is opened, which would then empty it.
     */
    private static boolean traceOntoMachineFile(CommandLine cl, PrintStream err) {
        String trace = cl.options().get("chan.Trace");
        String machine = cl.options().get("chan.Machine");
        if (trace == null || machine == null || chan.runtime.Machine.presetNames().contains(machine)
                        || PathOptions.whyNotAPath(machine) != null || PathOptions.whyNotAPath(trace) != null
                        || !isSameFile(Path.of(machine), Path.of(trace))) {
            return false;
        }
        err.println("chan: --trace " + chan.runtime.VisibleText.of(trace) + " would overwrite the machine file");
        return true;
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false; // the trace's own error, if any, comes when it is opened
        }
    }

    /**
     * Work the context's build (mostly the Truffle engine starting) leaves a second core free for: the
     * annotation proxies and the record methods' linkage the engine is about to need, then the
     * program's parse (bench/README.md, Start-up).
     */
    private static void startHelper(Runnable parse) {
        Thread helper = new Thread(null, () -> {
            try {
                openClassPathJars();
                AnnotationProxies.make();
                RecordMethods.link();
            } finally {
                parse.run(); // always: the main thread waits for it
            }
        }, "chan-start-helper", HELPER_STACK_BYTES);
        helper.setDaemon(true);
        try {
            helper.start();
        } catch (OutOfMemoryError e) {
            ParseAhead.cancel(); // no thread to run it: the main thread parses
        }
    }

    /**
     * The engine's first step looks for its service providers in every jar of the class path, and the
     * class loader opens each jar then (reads its central directory): looking up any resource opens
     * them all, ahead of the main thread.
     */
    private static void openClassPathJars() {
        try {
            var found = ClassLoader.getSystemClassLoader().getResources("META-INF/services/chan.launcher.none");
            while (found.hasMoreElements()) {
                found.nextElement();
            }
        } catch (java.io.IOException e) {
            // the engine will meet the same jar and say what is wrong with it
        }
    }

    private static Context.Builder contextBuilder(CommandLine cl, InputStream in, java.io.OutputStream out, PrintStream err) {
        Context.Builder builder = Context.newBuilder("chan").in(in).out(out).err(err)
                        .allowIO(IOAccess.newBuilder().fileSystem(org.graalvm.polyglot.io.FileSystem.newReadOnlyFileSystem(
                                        org.graalvm.polyglot.io.FileSystem.newDefaultFileSystem())).build())
                        .arguments("chan", cl.programArgs().toArray(new String[0]))
                        .options(cl.options());
        if (out instanceof java.io.FileOutputStream && StandardStreams.outputIsTerminal()) {
            builder.option("chan.LineBuffered", "true");
        }
        if (!cl.toolOptions().isEmpty()) {
            // The debugger and the profiler: some of their options are marked experimental.
            builder.options(cl.toolOptions()).allowExperimentalOptions(true);
            builder.option("chan.Instrumented", "true"); // every tag from the first build (ModuleLoader.bytecodeConfig)
        }
        if (hasEngineProperties()) {
            // -Dpolyglot.* in CHAN_JAVA_OPTS is how one looks at the JIT (bench/README.md); many of
            // those options are experimental, and asking for them this way is the permission.
            builder.allowExperimentalOptions(true);
        }
        return EngineDefaults.apply(builder);
    }

    /**
     * Where the program's output goes. System.out swallows write errors (a PrintStream only sets a
     * flag), so the context writes the standard output's file descriptor itself: a closed pipe or a
     * full disk then reaches the interpreter, which ends the run (chan.ChanContext.printed).
     */
    private static java.io.OutputStream programOutput(PrintStream out) {
        if (out != System.out) {
            return out;
        }
        System.out.flush();
        return new java.io.FileOutputStream(java.io.FileDescriptor.out);
    }

    /** A bad option found only when the context is built, reported as CommandLine reports the others. */
    private static int usageError(IllegalArgumentException e, PrintStream err) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        var unknown = java.util.regex.Pattern.compile("Could not find option with name (\\S+)\\.").matcher(first);
        err.println("chan: " + (unknown.matches() ? "unknown option --" + unknown.group(1) : first));
        err.println(CommandLine.HELP_HINT);
        return 2;
    }

    private static boolean hasEngineProperties() {
        for (Object key : System.getProperties().keySet()) {
            if (key instanceof String name && name.startsWith("polyglot.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * `chan repl`: the interactive session (chan.repl.ChanRepl) in one context; read_line reads the
     * session's input. Its compiler warms up while a person types at a terminal (ReplWarmUp); input
     * from a file or a pipe comes at once, and the warm-up would only share the CPU with it.
     */
    private static int runRepl(CommandLine cl, InputStream in, PrintStream out, PrintStream err) {
        chan.repl.ProgramInput programInput = new chan.repl.ProgramInput();
        boolean typed = in == System.in && StandardStreams.inputIsTerminal();
        ReplWarmUp warmUp = new ReplWarmUp(typed ? WarmUp.REPL_COMPILING : java.time.Duration.ZERO);
        try (Context context = contextBuilder(cl, programInput, out, err).build()) {
            return chan.repl.ChanRepl.run(context, programInput, in, out, err, typed && out == System.out, cl.internalErrors(), warmUp);
        } catch (IllegalArgumentException | chan.runtime.MachineException e) {
            err.println("chan: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            return internalError(e, cl, err);
        } finally {
            warmUp.stop();
        }
    }

    /**
     * The message of a full heap, made before it is needed: when the heap is full, even building it
     * could fail (and did, with the JVM's own "OutOfMemoryError thrown from the UncaughtExceptionHandler").
     */
    private static final byte[] OUT_OF_MEMORY = outOfMemoryMessage(Runtime.getRuntime().maxMemory()).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The message for a heap of {@code maxBytes}. */
    static String outOfMemoryMessage(long maxBytes) {
        return "error: " + outOfMemoryReason(maxBytes) + "\n";
    }

    /** Why a run stopped with a full heap of {@code maxBytes}; the heap it suggests is twice as large, in whole gigabytes. Also the REPL's. */
    public static String outOfMemoryReason(long maxBytes) {
        long suggestedGigabytes = Math.max(1, (2 * maxBytes + (1L << 30) - 1) >> 30);
        return "out of memory: the program needs more than the " + maxBytes / (1 << 20) + " MB heap (give it more with CHAN_JAVA_OPTS=-Xmx"
                        + suggestedGigabytes + "g, for example)";
    }

    /** The host's heap is full: the program's doing, not a bug in Chan, so an ordinary runtime error (exit 1). */
    private static int outOfMemory(PrintStream err) {
        err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
        err.flush();
        return 1;
    }

    /**
     * The Graal compiler may be the first to find the heap full ("Compiler initialization failed"),
     * and a PolyglotException does not hand out an internal error's cause: only its printed trace names it.
     */
    private static boolean causedByOutOfMemory(PolyglotException e) {
        var trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString().contains(OutOfMemoryError.class.getName());
    }

    private static int internalError(Throwable e, CommandLine cl, PrintStream err) {
        err.println("internal error: " + e + " (this is a bug in Chan; please report it with the program that caused it)");
        if (cl.internalErrors()) {
            e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }
}
