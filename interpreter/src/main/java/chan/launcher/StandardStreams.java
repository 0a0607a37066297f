package chan.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the launcher needs to know of the process's standard streams. */
final class StandardStreams {
    private StandardStreams() {}

    /**
     * Whether standard output is a terminal, where each line should appear as it is printed. Linux
     * names a terminal's file /dev/pts/N or /dev/ttyN; elsewhere, or if it cannot tell, the answer is
     * no and output stays buffered until the run ends or reads input.
     */
    static boolean outputIsTerminal() {
        return isTerminal(1);
    }

    /** Whether standard input is a terminal: a person types it, on the same terms. */
    static boolean inputIsTerminal() {
        return isTerminal(0);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
