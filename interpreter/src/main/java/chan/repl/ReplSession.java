package chan.repl;

import chan.ChanContext;
import chan.ChanLanguage;
import chan.ChanOptions;
import chan.nodes.ProgramRootNode;
import chan.parser.ModuleLoader;
import chan.parser.ReplBindings;
import chan.runtime.Machine;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import chan.values.ChanFunction;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.source.Source;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The state a REPL session keeps between inputs: the names defined so far ({@link ReplBindings}),
 * the loaded modules, and one simulated machine whose threads outlive the input that started them.
 * Every method runs on the REPL's thread with the polyglot context entered, except
 * {@link #interrupt}, which the Ctrl-C handler calls from its own thread.
 */
final class ReplSession {
    private final ChanContext context;
    private final ChanLanguage language;
    private final Thread replThread = Thread.currentThread();
    private final CallTarget runner;
    private ReplBindings bindings;
    private ModuleLoader loader;
    private Scheduler scheduler;
    private String machineName;
    private Integer cores;
    private long seed;
    /** The file `:trace` is writing, or null. */
    private Path traceFile;
    private int inputs;
    private volatile boolean interruptRequested;
    private long foregroundStartCycles;
    private long foregroundEndCycles;
    private long foregroundEndNanos;

    ReplSession() {
        this.context = ChanContext.get(null);
        this.language = context.language();
        this.runner = new InputRunner(language).getCallTarget();
        this.machineName = context.option(ChanOptions.Machine);
        int n = context.option(ChanOptions.Cores);
        this.cores = n > 0 ? n : null;
        this.seed = context.option(ChanOptions.Seed);
        reset();
    }

    /**
     * Forgets every name and thread and starts a fresh machine with the current settings. A trace
     * belongs to the old machine (its cores are the trace's rows): it is completed, and the file
     * returned so that the user hears that the fresh session is not traced; null if none was open.
     */
    Path reset() {
        Machine machine = Machine.resolve(machineName, cores);
        Path completedTrace = traceFile;
        traceFile = null;
        if (scheduler != null) {
            scheduler.stopTrace();
        }
        bindings = new ReplBindings();
        loader = new ModuleLoader(language, context);
        scheduler = new Scheduler(machine, seed, ProgramRootNode.schedulerOptions().stats(true), context.meter);
        context.setScheduler(scheduler);
        return completedTrace;
    }

    /**
     * Compiles and runs one input typed at the prompt. An input that the added `;` cannot end
     * (`1 +`, `list.`) is compiled again as typed, so that its error says where the input ended
     * instead of pointing at a `;` nobody typed.
     */
    InputResult eval(String code) {
        String completed = withSemicolon(code);
        String name = nextInputName();
        Source source = Source.newBuilder(ChanLanguage.ID, completed, name).build();
        ChanFunction input = loader.loadReplInput(source, bindings);
        if (input == null && !completed.equals(code) && loader.diagnostics().hasErrorAt(source.getLineCount(), 1)) {
            source = Source.newBuilder(ChanLanguage.ID, code, name).build();
            input = loader.loadReplInput(source, bindings);
        }
        return run(source, input);
    }

    /**
     * Runs an input as it came, with no `;` added: one whose brackets are still open, whose syntax
     * error should show the line as typed and the end of the input, not a `;` the user never wrote.
     */
    InputResult evalAsIs(String code) {
        return run(Source.newBuilder(ChanLanguage.ID, code, nextInputName()).build());
    }

    private String nextInputName() {
        inputs++;
        return "<repl-" + inputs + ">";
    }

    /**
     * At the prompt the last `;` may be left out: `1 + 2` is the statement `1 + 2;`. The added `;`
     * stands on a line of its own (after a declaration's `}` it is an empty statement): an error
     * inside the input then shows its line as typed, not with a `;` the user never wrote, and a
     * `// comment` at the line's end does not swallow it.
     */
    static String withSemicolon(String code) {
        String text = code.stripTrailing();
        return text.endsWith(";") ? code : text + "\n;";
    }

    /** `:load FILE`: runs a file as one input, its declarations staying in scope. */
    InputResult load(String file) throws IOException {
        TruffleFile f = context.env().getPublicTruffleFile(file);
        if (f.exists() && !f.isRegularFile()) { // a device may never end (/dev/zero); refused as `chan FILE` refuses it
            throw new IOException(f.isDirectory() ? "it is a directory" : "not a regular file");
        }
        return run(Source.newBuilder(ChanLanguage.ID, f).name(file).build());
    }

    private InputResult run(Source source) {
        return run(source, loader.loadReplInput(source, bindings));
    }

    /** Runs a compiled input; a null one had errors, which are printed. */
    private InputResult run(Source source, ChanFunction input) {
        if (input == null) {
            context.err().print(loader.diagnostics().format());
            return InputResult.of(InputResult.Kind.NOT_COMPILED);
        }
        interruptRequested = false;
        // Threads ran on between inputs, on other cores: this input starts after what they did.
        scheduler.idleUntilLatest(0);
        long wallBefore = System.nanoTime();
        foregroundStartCycles = scheduler.now();
        foregroundEndCycles = foregroundStartCycles;
        foregroundEndNanos = wallBefore;
        Strand foreground = scheduler.spawn(new Object[]{input}, 0, source.getName());
        InputResult result = (InputResult) runner.call(foreground, this);
        context.out().flush();
        return result.timed(foregroundEndCycles - foregroundStartCycles, foregroundEndNanos - wallBefore);
    }

    /**
     * The input's own thread runs for the first time: `:time` counts the cycles from here, as
     * `now()` around the expression in a program would, not the session's cost of starting that
     * thread (a `start` and a context switch, 400 cycles that `:time 6 * 7` reported).
     */
    void foregroundStarted() {
        foregroundStartCycles = scheduler.now();
    }

    /** The input's own thread has ended (what `:time` measures); other threads may still run on. */
    void foregroundEnded() {
        foregroundEndCycles = scheduler.now();
        foregroundEndNanos = System.nanoTime();
    }

    /**
     * Ctrl-C: stops the running input at its next safepoint. The running thread is preempted, not
     * unwound, so it keeps its state; the runner then ends the foreground thread.
     */
    void interrupt() {
        interruptRequested = true;
        context.env().submitThreadLocal(new Thread[]{replThread}, new ThreadLocalAction(false, false) {
            @Override
            protected void perform(Access access) {
                // A late action (the input ended before it ran) must not disturb the next input's schedule.
                if (interruptRequested && scheduler.current() != null) {
                    scheduler.requestPreempt();
                    // The running code may be a compiled loop that read the quiet bound at its
                    // entry: out of it, into the interpreter, which sees the request.
                    context.invalidateQuietQuanta("Ctrl-C in the REPL");
                }
            }
        });
    }

    boolean takeInterrupt() {
        boolean requested = interruptRequested;
        interruptRequested = false;
        return requested;
    }

    /** As {@link #reset}, on another machine; returns the trace it completed, or null. */
    Path setMachine(String nameOrFile) {
        Machine.resolve(nameOrFile, null); // fails before anything changes
        machineName = nameOrFile;
        cores = null; // all of the new machine's cores, until :cores says otherwise
        return reset();
    }

    Path setCores(int n) {
        Machine.resolve(machineName, n);
        cores = n;
        return reset();
    }

    Path setSeed(long s) {
        seed = s;
        return reset();
    }

    void trace(Path file) {
        if (file == null) {
            scheduler.stopTrace();
        } else {
            scheduler.startTrace(file);
        }
        traceFile = file;
    }

    void close() {
        scheduler.stopTrace();
        context.out().flush();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ReplBindings bindings() {
        return bindings;
    }

    ChanLanguage language() {
        return language;
    }

    long seed() {
        return seed;
    }

    ChanContext context() {
        return context;
    }
}
