package chan.threads;

import chan.ChanContext;
import chan.ChanException;
import chan.ErrorReport;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import chan.values.Display;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A thread that dies of an uncaught error (LANGUAGE.md §4, let it crash): the error becomes its exit
 * reason for its monitors. The thread the run waits on (main, or a REPL input) gets the full report
 * with its stack (ErrorReport); any other, when no monitor takes the reason, gets one line on stderr.
 * In both the message's newlines and other control characters are escaped (Display.oneLine).
 */
public final class Crash {
    private Crash() {}

    /**
     * As {@link #report}, at t's turn (Scheduler.endAtTurn): its end, its monitors' news and the report
     * come after everything other cores do earlier in virtual time. The run is over when main is done
     * (Scheduler.mainCrashed tells the exit code).
     */
    @TruffleBoundary
    public static void reportAtTurn(ChanContext context, Scheduler scheduler, Strand t, boolean awaited, ChanException e) {
        scheduler.endAtTurn(t, () -> report(context, scheduler, t, awaited, e));
    }

    /** Ends t with error e and reports it; returns {@code awaited}, so callers can stop the run. */
    @TruffleBoundary
    public static boolean report(ChanContext context, Scheduler scheduler, Strand t, boolean awaited, ChanException e) {
        boolean monitored = scheduler.finished(t, e.value(), true);
        if (awaited) {
            context.err().print(ErrorReport.format(e));
        } else if (!monitored) {
            // one line, whatever the message holds (LANGUAGE.md §4): error("a\nb") shows as a\nb
            context.err().println("thread " + t.id() + " (" + t.spawnSite + ") crashed: " + Display.oneLine(e.describe()));
        }
        return awaited;
    }
}
