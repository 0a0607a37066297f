package chan;

import chan.runtime.AtExit;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of a run's standard output on their way out: buffered (64 KB) for speed, and flushed at
 * exit, before input is read, before anything goes to stderr, after each line when the output is a
 * terminal (as C's stdio and Python do), and at the JVM's exit when the run is interrupted (Ctrl-C,
 * SIGTERM; {@link AtExit}), so that nothing printed is lost. A write that fails (the reader of a pipe went away, a
 * full disk) is remembered, because the PrintStream above swallows it: print then ends the run
 * instead of computing on for nobody ({@link ChanContext#printed}).
 */
final class StandardOutput extends BufferedOutputStream {
    private volatile IOException failure;
    /** Flushes what is left if the JVM exits while the run goes on (AtExit). */
    private final Runnable atExit = this::flushQuietly;

    private StandardOutput(OutputStream out) {
        super(out, 1 << 16);
    }

    static StandardOutput open(OutputStream out) {
        StandardOutput opened = new StandardOutput(out);
        AtExit.add(opened.atExit);
        return opened;
    }

    /** The context is gone: what it printed has been flushed, and nothing is left to do at exit. */
    void release() {
        AtExit.remove(atExit);
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
