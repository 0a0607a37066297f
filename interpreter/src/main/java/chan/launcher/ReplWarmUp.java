package chan.launcher;

import java.time.Duration;

/**
 * The REPL's warm-up (WarmUp): it starts once the session shows its first prompt, not to slow the
 * session's start, and runs while its user types, so that a computation typed a few seconds later
 * gets its compiled code sooner. An input that runs longer than {@link #LONG_INPUT} ends it: that
 * computation then has both cores, and the compiler as warm as it got (docs/repl.md).
 */
final class ReplWarmUp implements chan.repl.SessionEvents {
    /** Long enough that a definition or a small expression leaves the warm-up running. */
    static final Duration LONG_INPUT = Duration.ofMillis(100);

    private final Duration compiling;
    /** Set and read on the session's thread only. */
    private WarmUp warmUp;
    /** Whether an input runs, and since when (System.nanoTime): the warm-up's thread reads them. */
    private volatile boolean inputRuns;
    private volatile long inputSince;

    /** A warm-up whose compiling program runs for {@code compiling}; none at all when that is zero. */
    ReplWarmUp(Duration compiling) {
        this.compiling = compiling;
    }

    @Override
    public void ready() {
        if (compiling.isPositive() && warmUp == null) {
            warmUp = WarmUp.startInTemporaryDirectory(compiling, this::inputIsLong);
        }
    }

    @Override
    public void inputStarted() {
        inputSince = System.nanoTime();
        inputRuns = true;
    }

    @Override
    public void inputEnded() {
        inputRuns = false;
    }

    boolean inputIsLong() {
        return inputRuns && System.nanoTime() - inputSince >= LONG_INPUT.toNanos();
    }

    /** The warm-up {@link #ready} started, or null. */
    WarmUp warmUp() {
        return warmUp;
    }

    /** Ends the warm-up, if it still runs, and waits for it to have left the JVM. */
    void stop() {
        if (warmUp != null) {
            try {
                warmUp.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the JVM exits; the warm-up's thread is a daemon
            }
        }
    }
}
