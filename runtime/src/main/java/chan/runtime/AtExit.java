package chan.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run must still do if the JVM exits under it (Ctrl-C, SIGTERM): write out the program's
 * buffered output (chan.StandardOutput), complete an open trace file ({@link Trace}). One shutdown
 * hook for the process runs whatever the runs alive at that moment have added; a run removes its
 * work when it has done it itself.
 */
public final class AtExit {
    private static final Set<Runnable> PENDING = ConcurrentHashMap.newKeySet();
    private static boolean hookAdded;

    private AtExit() {}

    /** Runs {@code work} at the JVM's exit, unless it is removed first (by the same object). */
    public static void add(Runnable work) {
        addHook();
        PENDING.add(work);
    }

    public static void remove(Runnable work) {
        PENDING.remove(work);
    }

    private static synchronized void addHook() {
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(Runnable::run), "chan-at-exit"));
        }
    }
}
