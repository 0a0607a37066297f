package chan.runtime;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file for writing without waiting for a reader: a named pipe (FIFO) that no process reads would
 * make the JVM's open wait for ever. For a FIFO it first opens the pipe with O_NONBLOCK (libc's open,
 * through the foreign function API), which fails at once with ENXIO when nobody reads it; with a reader
 * there, the ordinary open returns at once too, and the probe is closed only after it, so that a reader
 * such as `cat`, which ends when the last writer goes, never sees the pipe without a writer. Any other
 * file is opened as Files.newBufferedWriter opens it.
 */
final class FifoOpen {
    private static final int O_WRONLY = 1;
    private static final int O_NONBLOCK = 04000; // Linux's
    private static final int ENXIO = 6;
    private static final int EACCES = 13;
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private FifoOpen() {}

    /** A writer on {@code file}; for a FIFO nobody reads, an IOException that says so, at once. */
    static BufferedWriter writer(Path file) throws IOException {
        if (!isFifo(file)) return Files.newBufferedWriter(file);
        int probe = openNonBlocking(file);
        try {
            return Files.newBufferedWriter(file);
        } finally {
            close(probe);
        }
    }

    private static boolean isFifo(Path file) {
        try {
            return (((Integer) Files.getAttribute(file, "unix:mode")) & S_IFMT) == S_IFIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no such file yet, or no unix attributes: not a FIFO that could block
        }
    }

    private static int openNonBlocking(Path file) throws IOException {
        Linker linker = Linker.nativeLinker();
        var errnoLayout = Linker.Option.captureStateLayout();
        VarHandle errno = errnoLayout.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(2));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(errnoLayout);
            int fd = (int) open.invokeExact(state, arena.allocateFrom(file.toString()), O_WRONLY | O_NONBLOCK);
            if (fd >= 0) return fd;
            int err = (int) errno.get(state, 0L);
            throw new IOException(err == ENXIO ? "it is a FIFO that no process reads" : err == EACCES ? "permission denied" : "cannot open it (errno " + err + ")");
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot open the FIFO: " + e, e);
        }
    }

    private static void close(int fd) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            int closed = (int) close.invokeExact(fd);
            assert closed == 0;
        } catch (Throwable e) {
            // the probe stays open until the process ends: harmless
        }
    }
}
