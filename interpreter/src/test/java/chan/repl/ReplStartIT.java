package chan.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.TmuxTerminal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How `./chan repl` starts when its streams are not all one terminal (tmux gives the output a real
 * terminal, see {@link TmuxTerminal}): a pipe on its input is read on a dumb terminal without a word
 * from JLine, and $CHAN_HISTORY, used only at a terminal, is checked there.
 */
class ReplStartIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();

    @TempDir
    Path dir;

    /** JLine's system builder, tried on a pipe, printed "WARNING: Unable to create a system terminal" to a terminal's output. */
    @Test
    void aPipedSessionWritingToATerminalPrintsOnlyItsResults() throws Exception {
        String command = "printf '40 + 2\\n' | env CHAN_SPARE=off " + CHAN + " repl; echo \"exit $?\"; sleep 600";
        try (TmuxTerminal term = new TmuxTerminal(command)) {
            String screen = term.waitFor("exit 0");
            assertTrue(screen.contains("chan> 42"), screen);
            assertFalse(screen.contains("WARNING") || screen.contains("jline"), screen);
        }
    }

    @Test
    void aHistoryFileTheLocaleCannotNameIsAUsageErrorAtATerminal() throws Exception {
        Path history = dir.resolve("caf\u00e9");
        String command = "env LC_ALL=C LANG=C CHAN_SPARE=off CHAN_HISTORY=" + history + " " + CHAN + " repl; echo \"exit $?\"; sleep 600";
        try (TmuxTerminal term = new TmuxTerminal(command)) {
            String screen = term.waitFor("exit 2");
            assertTrue(screen.contains("chan: CHAN_HISTORY ") && screen.contains("the locale's encoding cannot write it"), screen);
        }
    }
}
