package chan.nodes;

import chan.ChanContext;
import chan.ChanException;
import chan.ChanLanguage;
import chan.ChanOptions;
import chan.ErrorReport;
import chan.parser.ModuleLoader;
import chan.runtime.DeadlockReport;
import chan.runtime.Machine;
import chan.runtime.MachineException;
import chan.runtime.Scheduler;
import chan.runtime.SchedulerOptions;
import chan.runtime.Strand;
import chan.threads.StrandResumeNodeGen;
import chan.threads.StrandResumeNode;
import chan.values.ChanAtom;
import chan.values.ChanNil;
import chan.values.ChanTuple;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.nio.file.Path;

/**
 * A whole run of a program: the discrete-event loop of the simulated machine. It takes the next
 * runnable thread from the scheduler, resumes it until it blocks, yields or ends, and repeats until
 * the main thread ends (exit 0), dies of an uncaught error (exit 1) or every thread is blocked
 * (deadlock, exit 3). Syntax and static errors found before the run give exit 2. The loop is a
 * Truffle root, so the compiler sees the resumes (DESIGN.md).
 */
public final class ProgramRootNode extends RootNode {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_STATIC = 2;
    public static final int EXIT_DEADLOCK = 3;

    private final ModuleLoader.Program program;
    @Child private StrandResumeNode resume = StrandResumeNodeGen.create();

    public ProgramRootNode(ChanLanguage language, ModuleLoader.Program program) {
        super(language);
        this.program = program;
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
        Scheduler scheduler = context.scheduler();
        int exit = EXIT_OK;
        while (true) {
            Strand t = scheduler.next();
            if (t == null) {
                exit = scheduler.mainDone() ? EXIT_OK : deadlock(context, scheduler);
                break;
            }
            context.callDepth = 0;
            try {
                Object result = resume.execute(t.body, t.resumeValue);
                if (result instanceof ContinuationResult) {
                    t.body = result;
                    scheduler.suspended(t);
                } else {
                    scheduler.finished(t, ChanAtom.of("normal"), false);
                }
            } catch (ChanException e) {
                if (crashed(context, scheduler, t, t == main, e)) {
                    exit = EXIT_ERROR;
                    break;
                }
            } catch (StackOverflowError e) {
                if (crashed(context, scheduler, t, t == main, ChanException.error("stack overflow: the host stack is exhausted", null))) {
                    exit = EXIT_ERROR;
                    break;
                }
            }
            if (scheduler.mainDone()) {
                break;
            }
        }
        finish(context, scheduler);
        return exit;
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
        Scheduler scheduler = new Scheduler(machine, context.option(ChanOptions.Seed), options);
        context.setScheduler(scheduler);
        return scheduler.spawnMain(new Object[]{program.main()});
    }

    /** How Chan values look to the runtime: nil, exit reasons and messages, message sizes. */
    public static SchedulerOptions schedulerOptions() {
        return new SchedulerOptions().nil(ChanNil.NIL)
                        .normalReason(ChanAtom.of("normal")).killedReason(ChanAtom.of("killed"))
                        .exitMessageFactory((t, reason) -> new ChanTuple(ChanAtom.of("exit"), t, reason))
                        .valueSizer(MessageSize::bytes);
    }

    /** A thread died of an uncaught error; true if it was the main thread (the run ends). */
    @TruffleBoundary
    private static boolean crashed(ChanContext context, Scheduler scheduler, Strand t, boolean isMain, ChanException e) {
        boolean monitored = scheduler.finished(t, e.value(), true);
        if (isMain) {
            context.err().print(ErrorReport.format(e));
        } else if (!monitored) {
            context.err().println("thread " + t.id() + " (" + t.spawnSite + ") crashed: " + e.describe());
        }
        return isMain;
    }

    @TruffleBoundary
    private static int deadlock(ChanContext context, Scheduler scheduler) {
        DeadlockReport report = scheduler.deadlockReport();
        context.err().println("deadlock: all threads are blocked");
        if (report != null) {
            context.err().print(report.format());
        }
        return EXIT_DEADLOCK;
    }

    @TruffleBoundary
    private static void finish(ChanContext context, Scheduler scheduler) {
        scheduler.end();
        if (context.option(ChanOptions.Stats)) {
            context.err().print(scheduler.stats().format());
        }
        context.out().flush();
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
