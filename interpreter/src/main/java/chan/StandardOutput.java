package chan;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of a run's standard output on their way out: buffered (64 KB) for speed, and flushed at
 * exit, before input is read, before anything goes to stderr, after each line when the output is a
 * terminal (as C's stdio and Python do), and by a shutdown hook when the run is interrupted (Ctrl-C,
 * SIGTERM), so that nothing printed is lost. A write that fails (the reader of a pipe went away, a
 * full disk) is remembered, because the PrintStream above swallows it: print then ends the run
 * instead of computing on for nobody ({@link ChanContext#printed}).
 */
final class StandardOutput extends BufferedOutputStream {
    /** The outputs of the contexts alive in this process, flushed by the shutdown hook. */
    private static final Set<StandardOutput> OPEN = ConcurrentHashMap.newKeySet();
    private static boolean hookAdded;

    private volatile IOException failure;

    private StandardOutput(OutputStream out) {
        super(out, 1 << 16);
    }

    static StandardOutput open(OutputStream out) {
        StandardOutput opened = new StandardOutput(out);
        addShutdownHook();
        OPEN.add(opened);
        return opened;
    }

    private static synchronized void addShutdownHook() {
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(StandardOutput::flushQuietly), "chan-flush"));
        }
    }

    /** The context is gone: what it printed has been flushed, and the hook need not look at it. */
    void release() {
        OPEN.remove(this);
    }

    /** The first write error, or null while every write has succeeded. */
    IOException failure() {
        return failure;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        try {
            super.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        try {
            super.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        try {
            super.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        count = 0; // what could not be written is dropped, so that no later flush tries it again
        return e;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // interrupted and unwritable: nothing more to do
        }
    }
}
