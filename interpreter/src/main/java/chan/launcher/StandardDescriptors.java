package chan.launcher;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * A spare's standard streams made the run's (Spare): the file the run names (a terminal, /dev/null:
 * a device, opened anew), or else the FIFO that the run's `cat` reads, is opened for writing and put
 * in place of descriptor 1 or 2, and a device the run reads from in place of descriptor 0 (libc's
 * open, dup2 and close, through the foreign function API). Everything the process writes there then
 * reaches the run, the JVM's own messages too, and a reader that goes away (a closed pipe, a full
 * disk behind `cat`) is seen by the writer as it would be by a JVM of the run's own.
 */
final class StandardDescriptors {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    /** Linux's: a terminal opened by the spare, a session leader, must not become its controlling terminal. */
    private static final int O_NOCTTY = 0400;

    private final MethodHandle open;
    private final MethodHandle dup2;
    private final MethodHandle close;

    private StandardDescriptors(MethodHandle open, MethodHandle dup2, MethodHandle close) {
        this.open = open;
        this.dup2 = dup2;
        this.close = close;
    }

    /**
     * Looks the three calls up and makes each once, harmlessly (dup2 of a descriptor onto itself), so
     * that a run finds them ready.
     */
    static StandardDescriptors link() throws Unavailable {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            var fd = ValueLayout.JAVA_INT;
            MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                            FunctionDescriptor.of(fd, ValueLayout.ADDRESS, fd, fd), Linker.Option.firstVariadicArg(2));
            MethodHandle dup2 = linker.downcallHandle(libc.find("dup2").orElseThrow(), FunctionDescriptor.of(fd, fd, fd));
            MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(fd, fd));
            StandardDescriptors linked = new StandardDescriptors(open, dup2, close);
            int devNull = linked.open(Path.of("/dev/null"), O_WRONLY);
            if ((int) dup2.invokeExact(devNull, devNull) != devNull || (int) close.invokeExact(devNull) != 0) {
                throw new Unavailable("dup2 or close failed");
            }
            return linked;
        } catch (Unavailable e) {
            throw e;
        } catch (Throwable e) {
            throw new Unavailable(e.toString());
        }
    }

    /**
     * Opens the file for writing (a FIFO: waiting for its reader, the run's `cat`) and makes it each
     * of the given descriptors.
     */
    void redirect(Path fifo, int... descriptors) throws Unavailable {
        put(fifo, O_WRONLY, descriptors);
    }

    /** Opens the file (a device: a terminal, /dev/null) for reading and makes it descriptor 0. */
    void redirectInput(Path device) throws Unavailable {
        put(device, O_RDONLY, 0);
    }

    /** Opens the file with the given access and makes it each of the descriptors. */
    private void put(Path file, int access, int... descriptors) throws Unavailable {
        try {
            int fd = open(file, access);
            for (int target : descriptors) {
                if ((int) dup2.invokeExact(fd, target) != target) {
                    throw new Unavailable("cannot make " + file + " descriptor " + target);
                }
            }
            int closed = (int) close.invokeExact(fd);
            assert closed == 0;
        } catch (Unavailable e) {
            throw e;
        } catch (Throwable e) {
            throw new Unavailable(e.toString());
        }
    }

    private int open(Path file, int access) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(arena.allocateFrom(file.toString()), access | O_NOCTTY, 0);
            if (fd < 0) {
                throw new Unavailable("cannot open " + file);
            }
            return fd;
        }
    }

    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
