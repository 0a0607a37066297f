package chan.repl;

import chan.ChanContext;
import chan.ChanException;
import chan.ChanLanguage;
import chan.launcher.ChanMain;
import chan.nodes.BlockSite;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import chan.threads.Crash;
import chan.threads.StrandResumeNode;
import chan.threads.StrandResumeNodeGen;
import chan.values.ChanAtom;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * Runs one REPL input: the scheduler loop of {@link chan.nodes.ProgramRootNode}, on a simulated
 * machine that outlives the input. The input runs in a thread of its own (the foreground); threads
 * it or earlier inputs started run alongside it. When the foreground ends, the machine runs on until
 * every thread is blocked or done, or for at most {@link #SETTLE_CYCLES} more virtual cycles, then
 * pauses until the next input. So `start { print("hi"); }` prints at once, and a server thread
 * answers what it was sent, but a thread that never blocks cannot keep the prompt away.
 * Arguments: the foreground strand and the {@link ReplSession}.
 *
 * <p>A deadlock (nothing can run, the foreground blocked) and Ctrl-C end the foreground only; the
 * other threads keep their state for the next input.
 */
final class InputRunner extends RootNode {
    /** How long, in virtual cycles of core 0, other threads may run on after an input's thread ends. */
    static final long SETTLE_CYCLES = 100_000;

    @Child private StrandResumeNode resume = StrandResumeNodeGen.create();

    InputRunner(ChanLanguage language) {
        super(language);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Strand foreground = (Strand) frame.getArguments()[0];
        ReplSession session = (ReplSession) frame.getArguments()[1];
        ChanContext context = ChanContext.get(this);
        Scheduler scheduler = context.scheduler();
        boolean started = false;
        while (true) {
            TruffleSafepoint.poll(this);
            if (session.takeInterrupt()) {
                session.foregroundEnded();
                scheduler.kill(foreground);
                return InputResult.of(InputResult.Kind.INTERRUPTED);
            }
            Strand t = scheduler.nextOrIdle();
            if (t == null) {
                session.foregroundEnded();
                return deadlock(context, scheduler, foreground);
            }
            if (t == foreground && !started) {
                started = true;
                session.foregroundStarted();
            }
            Object result = runSlice(context, scheduler, t, t == foreground);
            if (t == foreground && result != null) {
                settle(context, scheduler, session);
                return result instanceof InputResult r ? r : new InputResult(InputResult.Kind.VALUE, result, 0, 0);
            }
            if (foreground.state() == Strand.State.DONE) {
                settle(context, scheduler, session);
                return InputResult.of(InputResult.Kind.VALUE); // killed by another thread
            }
        }
    }

    /** The other threads run on after the foreground ended (see the class comment). */
    private void settle(ChanContext context, Scheduler scheduler, ReplSession session) {
        session.foregroundEnded();
        long deadline = scheduler.now() + SETTLE_CYCLES;
        while (!session.takeInterrupt()) {
            TruffleSafepoint.poll(this);
            Strand t = scheduler.nextOrIdle();
            if (t == null) {
                return;
            }
            boolean late = scheduler.now() > deadline;
            scheduler.yieldAtQuantum(); // alone on the machine, a busy thread would never yield
            runSlice(context, scheduler, t, false);
            scheduler.cancelPreempt();
            if (late) {
                return;
            }
        }
    }

    /**
     * Resumes t until it blocks, yields or ends. Returns, for the foreground, its value when it ended,
     * an ERROR result when it died; otherwise null.
     */
    private Object runSlice(ChanContext context, Scheduler scheduler, Strand t, boolean isForeground) {
        t.blockSite = null; // it runs again: where it last blocked is no longer news
        context.callDepth = 0;
        try {
            Object result = resume.execute(t.body, t.resumeValue);
            while (result instanceof ContinuationResult) {
                t.body = result;
                if (!scheduler.runsOn(t)) { // not just a quantum's end that t need not yield
                    scheduler.suspended(t);
                    return null;
                }
                context.callDepth = 0;
                result = resume.execute(t.body, t.resumeValue);
            }
            if (!isForeground) {
                endAtTurn(scheduler, t);
                return null;
            }
            scheduler.finished(t, ChanAtom.of("normal"), false); // its value is the input's: now
            return result;
        } catch (ChanException e) {
            return crashed(context, scheduler, t, isForeground, e);
        } catch (StackOverflowError e) {
            return crashed(context, scheduler, t, isForeground, ChanException.error("stack overflow: the host stack is exhausted", null));
        } catch (OutOfMemoryError e) {
            // The input's doing, not a bug in Chan: its thread dies of it, as of any error, and the
            // session goes on (as Python's does after a MemoryError): what the input built is garbage now.
            return crashed(context, scheduler, t, isForeground, ChanException.error(outOfMemory(), null));
        }
    }

    @TruffleBoundary
    private static String outOfMemory() {
        return ChanMain.outOfMemoryReason(Runtime.getRuntime().maxMemory());
    }

    /** A thread other than the foreground ends at its turn (Scheduler.endAtTurn), as in a program. */
    @TruffleBoundary
    private static void endAtTurn(Scheduler scheduler, Strand t) {
        scheduler.endAtTurn(t, () -> scheduler.finished(t, ChanAtom.of("normal"), false));
    }

    /** t died of e: the foreground at once (the input's result is the error), another thread at its turn. */
    @TruffleBoundary
    private static Object crashed(ChanContext context, Scheduler scheduler, Strand t, boolean isForeground, ChanException e) {
        if (!isForeground) {
            Crash.reportAtTurn(context, scheduler, t, false, e);
            return null;
        }
        Crash.report(context, scheduler, t, true, e);
        return InputResult.of(InputResult.Kind.ERROR);
    }

    @TruffleBoundary
    private static InputResult deadlock(ChanContext context, Scheduler scheduler, Strand foreground) {
        context.err().println("deadlock: the input is blocked and no thread can run; the input is abandoned");
        context.err().print(BlockSite.deadlockReport(scheduler));
        scheduler.kill(foreground);
        return InputResult.of(InputResult.Kind.DEADLOCK);
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return "<repl>";
    }
}
