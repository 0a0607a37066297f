package chan.launcher;

/**
 * The handler of an exception no thread caught. An OutOfMemoryError is said once, by the run
 * (ChanMain's out-of-memory error, exit 1): once the heap is full, or the collector has given up on
 * it (the launcher's GC overhead limit), other threads fail too, the engine's compiler threads and
 * the JVM's main thread, and the JDK's handler printed "Exception: java.lang.OutOfMemoryError thrown
 * from the UncaughtExceptionHandler" for each. Anything else is printed as the JDK's handler does.
 */
final class QuietOutOfMemory implements Thread.UncaughtExceptionHandler {
    /** Makes this the handler of every thread that has none of its own. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new QuietOutOfMemory());
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return; // building any message would need the heap
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(System.err);
    }
}
