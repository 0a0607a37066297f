package chan.nodes;

import chan.ChanContext;
import chan.ChanLanguage;
import chan.ChanOptions;
import chan.parser.ModuleLoader;
import chan.runtime.AtExit;
import chan.runtime.ChanRuntimeError;
import chan.runtime.Machine;
import chan.runtime.MachineException;
import chan.runtime.Scheduler;
import chan.runtime.SchedulerOptions;
import chan.runtime.Strand;
import chan.values.ChanAtom;
import chan.values.Copying;
import chan.values.ChanNil;
import chan.values.ChanTuple;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;
import java.nio.file.Path;

/**
 * A whole run of a program: the discrete-event loop of the simulated machine. It takes the next
 * runnable thread from the scheduler, resumes it until it blocks, yields or ends, and repeats until
 * the main thread ends (exit 0), dies of an uncaught error (exit 1) or every thread is blocked
 * (deadlock, exit 3). Syntax and static errors found before the run give exit 2. The loop is a
 * Truffle loop node whose body is {@link SchedulerLoopNode}, so the compiler sees the resumes (DESIGN.md).
 */
public final class ProgramRootNode extends RootNode {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_STATIC = 2;
    public static final int EXIT_DEADLOCK = 3;

    /** The frame holds the main thread, which the loop needs to tell its crash apart, and the next thread. */
    private static final int MAIN_SLOT = 0;
    private static final int NEXT_SLOT = 1;

    private final ModuleLoader.Program program;
    @Child private LoopNode loop = Truffle.getRuntime().createLoopNode(new SchedulerLoopNode(MAIN_SLOT, NEXT_SLOT));

    public ProgramRootNode(ChanLanguage language, ModuleLoader.Program program) {
        super(language, frameWithMainSlot());
        this.program = program;
    }

    private static FrameDescriptor frameWithMainSlot() {
        FrameDescriptor.Builder b = FrameDescriptor.newBuilder();
        b.addSlot(FrameSlotKind.Object, "main", null);
        b.addSlot(FrameSlotKind.Object, "next", null);
        return b.build();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        ChanContext context = ChanContext.get(this);
        if (program.main() == null) {
            context.err().print(program.diagnostics().format());
            return EXIT_STATIC;
        }
        Strand main = start(context);
        if (main == null) {
            return EXIT_STATIC;
        }
        frame.setObject(MAIN_SLOT, main);
        Runnable statsIfInterrupted = statsIfInterrupted(context);
        Object exit;
        try {
            exit = loop.execute(frame);
            exit = finish(context, context.scheduler(), exit);
        } finally {
            flush(context); // what the program printed comes out even if the run ends in a host error
            atExitDone(statsIfInterrupted);
        }
        return Integer.valueOf(EXIT_OK).equals(exit) ? outputFailure(context, exit) : exit;
    }

    /**
     * With `--stats`, what an interrupted run (Ctrl-C, SIGTERM: the JVM exits under it) still prints:
     * the statistics so far, on stderr, after a line that says they are (AtExit). Null without `--stats`.
     */
    @TruffleBoundary
    private static Runnable statsIfInterrupted(ChanContext context) {
        if (!context.option(ChanOptions.Stats)) {
            return null;
        }
        Scheduler scheduler = context.scheduler();
        java.io.PrintStream err = context.err();
        Runnable work = () -> {
            try {
                err.print("interrupted: the statistics so far\n" + scheduler.statsSoFar().format());
                err.flush();
            } catch (RuntimeException e) {
                // read while the run goes on: never keep the exit's other work (the output's flush) from running
            }
        };
        AtExit.add(work);
        return work;
    }

    @TruffleBoundary
    private static void atExitDone(Runnable work) {
        if (work != null) {
            AtExit.remove(work);
        }
    }

    /** A run that succeeded fails if its output could not all be written (ChanContext.printed). */
    @TruffleBoundary
    private static Object outputFailure(ChanContext context, Object exit) {
        Integer failed = context.outputFailure();
        return failed == null ? exit : failed;
    }

    @TruffleBoundary
    private Strand start(ChanContext context) {
        Machine machine;
        try {
            int cores = context.option(ChanOptions.Cores);
            machine = Machine.resolve(context.option(ChanOptions.Machine), cores > 0 ? cores : null);
        } catch (MachineException e) {
            context.err().println("chan: " + e.getMessage());
            return null;
        }
        String trace = context.option(ChanOptions.Trace);
        SchedulerOptions options = schedulerOptions().stats(context.option(ChanOptions.Stats))
                        .traceFile(trace.isEmpty() ? null : Path.of(trace));
        program.reset();
        Scheduler scheduler;
        try {
            scheduler = new Scheduler(machine, context.option(ChanOptions.Seed), options, context.meter);
        } catch (ChanRuntimeError e) {   // the trace file cannot be written: a bad option, as a bad machine is
            context.err().println("chan: " + e.getMessage());
            return null;
        }
        context.setScheduler(scheduler);
        return scheduler.spawnMain(new Object[]{program.main()});
    }

    /** How Chan values look to the runtime: nil, exit reasons and messages, message sizes, what a value refers to. */
    public static SchedulerOptions schedulerOptions() {
        return new SchedulerOptions().nil(ChanNil.NIL)
                        .normalReason(ChanAtom.of("normal")).killedReason(ChanAtom.of("killed"))
                        .exitMessageFactory((t, reason) -> new ChanTuple(ChanAtom.of("exit"), t, Copying.copyForTransfer(reason)))
                        .valueSizer(MessageSize::bytes).valueReferences(chan.threads.GuestReferences.INSTANCE);
    }

    /** The run's end: the trace written, leaks and statistics reported; returns the exit code. */
    @TruffleBoundary
    private static Object finish(ChanContext context, Scheduler scheduler, Object exit) {
        scheduler.end();
        if (scheduler.endFailure() != null) { // the trace file could not be written (a full disk)
            context.err().println("chan: " + scheduler.endFailure().getMessage());
            // a run that failed already keeps its exit code (a deadlock's 3), as for its output (outputFailure)
            if (Integer.valueOf(EXIT_OK).equals(exit)) exit = EXIT_ERROR;
        }
        if (Integer.valueOf(EXIT_OK).equals(exit) && (context.option(ChanOptions.WarnLeaks) || context.option(ChanOptions.Stats))) {
            warnLeaks(context, scheduler.leaked());
        }
        if (context.option(ChanOptions.Stats)) {
            context.err().print(scheduler.stats().format());
        }
        return exit;
    }

    @TruffleBoundary
    private static void flush(ChanContext context) {
        context.out().flush();
    }

    /** `--warn-leaks`, `--stats`: the threads main left blocked on a channel or choose, one line each. */
    private static void warnLeaks(ChanContext context, java.util.List<Strand> leaked) {
        if (leaked.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("warning: ").append(leaked.size()).append(leaked.size() == 1 ? " thread" : " threads")
                        .append(" leaked (still blocked when main ended):\n");
        for (Strand t : leaked) {
            Object site = BlockSite.shown(t); // a library's operations by the program's calls
            b.append("  thread ").append(t.id()).append(" on core ").append(t.core()).append(": ")
                            .append(site == null ? "blocked" : site).append('\n');
        }
        context.err().print(b);
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return "<scheduler>";
    }
}
