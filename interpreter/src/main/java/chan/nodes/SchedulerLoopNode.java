package chan.nodes;

import chan.ChanContext;
import chan.ChanException;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import chan.threads.Crash;
import chan.threads.StrandResumeNode;
import chan.threads.StrandResumeNodeGen;
import chan.values.ChanAtom;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

/**
 * One turn of the scheduler loop: take the next runnable thread, resume it until it blocks, yields
 * or ends. It is the body of a Truffle {@code LoopNode}, because a run enters {@link ProgramRootNode}
 * only once: a plain Java loop there would never be compiled, while a loop node is compiled on stack
 * replacement (OSR) once it is hot, with the resumes of the threads' continuations inlined into it
 * (DESIGN.md: ~30 ns per resume from a compiled scheduler, 150–250 ns from an interpreted one).
 * The loop's result is the program's exit code; the main thread is in frame slot {@code mainSlot}.
 * Calls into the runtime (plain Java) are boundaries, so that partial evaluation stops there.
 */
final class SchedulerLoopNode extends Node implements RepeatingNode {
    /** In {@link #nextSlot}: the scheduler was asked for the next thread and had none. */
    private static final Object NONE = new Object();
    /** From {@link #suspendedThenNext}: the main thread is done. */
    private static final Object MAIN_DONE = new Object();

    private final int mainSlot;
    /**
     * The thread to run next when the previous turn already asked for it (null: ask now). A turn
     * that suspends its thread asks for the next one in the same boundary call.
     */
    private final int nextSlot;
    @Child private StrandResumeNode resume = StrandResumeNodeGen.create();

    SchedulerLoopNode(int mainSlot, int nextSlot) {
        this.mainSlot = mainSlot;
        this.nextSlot = nextSlot;
    }

    @Override
    public boolean executeRepeating(VirtualFrame frame) {
        throw CompilerDirectives.shouldNotReachHere("the scheduler loop returns its exit code: executeRepeatingWithValue");
    }

    @Override
    public Object executeRepeatingWithValue(VirtualFrame frame) {
        ChanContext context = ChanContext.get(this);
        Scheduler scheduler = context.scheduler();
        Object pending = frame.getObject(nextSlot);
        frame.setObject(nextSlot, null);
        Strand t = pending == null ? next(scheduler) : pending == NONE ? null : (Strand) pending;
        if (t == null) {
            return mainDone(scheduler) ? exitCode(scheduler) : deadlock(context, scheduler);
        }
        context.callDepth = 0; // the level a new strand's first frame reads (a resumed frame keeps its own)
        try {
            Object result = resume.execute(t.body, t.resumeValue);
            if (result instanceof ContinuationResult) {
                t.body = result;
                Object next = suspendedThenNext(scheduler, t);
                if (next == MAIN_DONE) {
                    return exitCode(scheduler);
                }
                frame.setObject(nextSlot, next);
                return CONTINUE_LOOP_STATUS;
            }
            finished(scheduler, t);
        } catch (ChanException e) {
            Crash.reportAtTurn(context, scheduler, t, t == frame.getObject(mainSlot), e);
        } catch (StackOverflowError e) {
            Crash.reportAtTurn(context, scheduler, t, t == frame.getObject(mainSlot), ChanException.error("stack overflow: the host stack is exhausted", null));
        }
        return mainDone(scheduler) ? exitCode(scheduler) : CONTINUE_LOOP_STATUS;
    }

    /** Main is done: 1 if it died of an error (reported when it ended), else 0 (also when killed). */
    @TruffleBoundary
    private static int exitCode(Scheduler scheduler) {
        return scheduler.mainCrashed() ? ProgramRootNode.EXIT_ERROR : ProgramRootNode.EXIT_OK;
    }

    @TruffleBoundary
    private static Strand next(Scheduler scheduler) {
        return scheduler.next();
    }

    /**
     * t blocked, yielded or was preempted: MAIN_DONE if the main thread is done (it may have been
     * killed), else the next thread to run, or NONE. One boundary call per switch instead of two.
     * t itself when it only stopped at the end of a quantum that it need not yield
     * (Scheduler.runsOn): it is still the running thread, and the next turn resumes it.
     */
    @TruffleBoundary
    private static Object suspendedThenNext(Scheduler scheduler, Strand t) {
        if (scheduler.runsOn(t)) {
            return t;
        }
        scheduler.suspended(t);
        if (scheduler.mainDone()) {
            return MAIN_DONE;
        }
        Strand next = scheduler.next();
        return next == null ? NONE : next;
    }

    /** t returned: it ends at its turn, now or when the scheduler next dispatches it. */
    @TruffleBoundary
    private static void finished(Scheduler scheduler, Strand t) {
        scheduler.endAtTurn(t, () -> scheduler.finished(t, ChanAtom.of("normal"), false));
    }

    @TruffleBoundary
    private static boolean mainDone(Scheduler scheduler) {
        return scheduler.mainDone();
    }

    @TruffleBoundary
    private static int deadlock(ChanContext context, Scheduler scheduler) {
        context.err().println("deadlock: all threads are blocked");
        context.err().print(BlockSite.deadlockReport(scheduler));
        return ProgramRootNode.EXIT_DEADLOCK;
    }
}
