package chan;

import chan.runtime.Meter;
import chan.runtime.Scheduler;
import chan.values.ChanError;
import chan.values.StringLimit;
import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The state of one Chan run: its streams, options, program arguments and, while the program runs,
 * the simulated machine's scheduler. One host thread runs the whole simulation, so nothing here is
 * synchronised.
 */
public final class ChanContext {
    private static final ContextReference<ChanContext> REFERENCE = ContextReference.create(ChanLanguage.class);

    private final ChanLanguage language;
    private final TruffleLanguage.Env env;
    /** Buffered: flushed at exit, before reading input and before anything goes to stderr (StandardOutput). */
    private final PrintStream out;
    private final StandardOutput stdout;
    /** Flush after every line printed: the launcher asks for it when standard output is a terminal. */
    private final boolean lineBuffered;
    private final PrintStream err;
    private InputLines in;
    /** The scheduler of the running program; null before the program starts. */
    private Scheduler scheduler;
    /**
     * The `--max-depth` level a call hands its callee (ChanBytecodeRootNode.CallAtDepth), which the
     * callee reads at its entry and keeps in its frame; 0 when a strand's first frame starts.
     */
    public int callDepth;
    public final int maxDepth;
    /**
     * The suspension loop's two registers (ModuleCompiler.emitSuspendable), so that it needs no frame
     * slot of its own, which every blocked thread would carry. {@code resuming}: while a thread's
     * continuations are resumed from the outermost frame in, the {@code ContinuationResult} of the
     * frame being resumed; what it yielded is its callee's suspension. {@code carried}: a suspension
     * or result on its way from one operation of the loop to the next (never across a yield).
     */
    public ContinuationResult resuming;
    public Object carried;
    /**
     * What every charge reads and writes, handed to each run's scheduler: one object for the whole
     * context, so that compiled code finds it at a constant address (see {@link Meter}).
     */
    public final Meter meter = new Meter();
    /**
     * Valid while compiled code may start the next quantum inline ({@link chan.nodes.ops.PollNode},
     * Meter.startQuietQuantum). A compiled function reads the meter's quiet bound once, at its entry,
     * so a preemption asked for from outside the running code (the REPL's Ctrl-C, a thread-local
     * action run at a safepoint inside a compiled loop) would not reach a loop that is already
     * running. Invalidating this deoptimizes that code: its frame goes on in the interpreter, which
     * reads the bound afresh, and a fresh assumption serves the code compiled afterwards.
     */
    @CompilationFinal private volatile Assumption quietQuanta = Truffle.getRuntime().createAssumption("quiet quanta");

    ChanContext(ChanLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.stdout = StandardOutput.open(env.out());
        this.out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.lineBuffered = env.getOptions().get(ChanOptions.LineBuffered);
        this.err = new PrintStream(env.err(), true, StandardCharsets.UTF_8);
        this.maxDepth = env.getOptions().get(ChanOptions.MaxDepth);
        ValueNames.register();
    }

    /** See {@link #quietQuanta}. */
    public Assumption quietQuanta() {
        return quietQuanta;
    }

    /** Takes compiled code that runs now off its quiet path (see {@link #quietQuanta}). */
    @TruffleBoundary
    public void invalidateQuietQuanta(String reason) {
        Assumption old = quietQuanta;
        quietQuanta = Truffle.getRuntime().createAssumption("quiet quanta");
        old.invalidate(reason);
    }

    public static ChanContext get(Node node) {
        return REFERENCE.get(node);
    }

    public ChanLanguage language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    public PrintStream out() {
        return out;
    }

    /**
     * After a line was printed: flushes it on a terminal, and ends the run if standard output can no
     * longer be written. A reader that went away (a closed pipe) ends it quietly with the exit code of
     * a process killed by SIGPIPE, as a C or Go program's end looks to the shell; any other failure
     * (a full disk) is reported, exit 1.
     */
    @TruffleBoundary
    public void printed() {
        if (lineBuffered) {
            out.flush();
        }
        Integer exit = outputFailure();
        if (exit != null) {
            env.getContext().closeExited(null, exit); // throws, to end the run
        }
    }

    /** The exit code a failed standard output gives the run (reported on stderr), or null if it has not failed. */
    @TruffleBoundary
    public Integer outputFailure() {
        IOException failure = stdout.failure();
        if (failure == null) {
            return null;
        }
        if ("Broken pipe".equals(failure.getMessage())) {
            return EXIT_BROKEN_PIPE;
        }
        err.println("chan: cannot write standard output: " + failure.getMessage());
        return 1;
    }

    /** 128 + SIGPIPE: how a shell reports a process killed by a write to a closed pipe. */
    public static final int EXIT_BROKEN_PIPE = 141;

    /** The context is being disposed: flush what is left, and let the shutdown hook forget it. */
    void dispose() {
        out.flush();
        stdout.release();
    }

    /** Standard error; standard output is flushed first so the two interleave as written. */
    @TruffleBoundary
    public PrintStream err() {
        out.flush();
        return err;
    }

    @TruffleBoundary
    public String readLine() {
        out.flush();
        try {
            if (in == null) {
                in = new InputLines(new InputStreamReader(env.in(), StandardCharsets.UTF_8), StringLimit.MAX_LENGTH);
            }
            return in.next();
        } catch (IOException e) {
            // Not the end of input: a directory, say, or a device that failed; the program may catch it.
            throw new ChanError("cannot read standard input: " + e.getMessage());
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public void setScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public String[] arguments() {
        return env.getApplicationArguments();
    }

    public <T> T option(org.graalvm.options.OptionKey<T> key) {
        return env.getOptions().get(key);
    }
}
