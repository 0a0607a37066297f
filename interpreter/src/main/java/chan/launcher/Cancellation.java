package chan.launcher;

import org.graalvm.polyglot.Context;

/**
 * A way to stop a run of {@link ChanMain#run} from another thread: `chan test` ends a program that
 * outlived its time limit, so that it does not go on computing beside the programs after it.
 *
 * <p>Cancelling closes the run's context with {@code close(true)}, which makes the guest code throw
 * at its next safepoint poll; a run not yet at its context is cancelled as soon as it builds it.
 */
public final class Cancellation {
    private Context context;
    private boolean requested;

    /** Called by the run once its context is built; cancels it at once if that was asked already. */
    synchronized void attach(Context built) {
        context = built;
        if (requested) {
            built.close(true);
        }
    }

    /** Whether {@link #cancel} was called: the run's failure is then its cancellation, not a bug. */
    synchronized boolean requested() {
        return requested;
    }

    /** Stops the run; waits until its guest code has left the context. */
    public void cancel() {
        Context running;
        synchronized (this) {
            requested = true;
            running = context;
        }
        if (running != null) {
            running.close(true);
        }
    }
}
