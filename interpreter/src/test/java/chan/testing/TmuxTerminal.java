package chan.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for tests: a command (`./chan repl`, `./chan FILE`) runs in a detached tmux session
 * (a pty, so JLine sees a terminal with raw mode, key codes and signals, and a program's standard
 * output is a terminal), keys go in with `tmux send-keys` and the screen comes back with
 * `tmux capture-pane`. Ctrl-C is a real SIGINT from the pty's line discipline.
 */
public final class TmuxTerminal implements AutoCloseable {
    private static final long WAIT_SECONDS = 120;
    private final String session;

    /** `./chan repl` with its history in the given file. */
    public static TmuxTerminal repl(Path chan, Path history) throws IOException, InterruptedException {
        return new TmuxTerminal("env CHAN_HISTORY=" + history + " " + chan + " repl");
    }

    /** A shell command line, run in the terminal. */
    public TmuxTerminal(String command) throws IOException, InterruptedException {
        this.session = "chan-terminal-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "50", command);
    }

    /** Types text literally, as a user would (no Enter). */
    public void type(String text) throws IOException, InterruptedException {
        // tmux reads an argument ending in ';' as a command separator: a trailing space avoids it.
        tmux("send-keys", "-t", session, "-l", text.endsWith(";") ? text + " " : text);
    }

    /** Presses keys by tmux name: Enter, Tab, Up, C-c, C-d. */
    public void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    public void line(String text) throws IOException, InterruptedException {
        type(text);
        press("Enter");
    }

    /** The whole screen and scrollback, lines joined as typed. */
    public String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session);
    }

    /** Waits until {@code text} appears on the screen at least {@code times} times; returns the screen. */
    public String waitFor(String text, int times) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (count(screen, text) >= times) {
                return screen;
            }
            Thread.sleep(200);
        }
        fail("waited " + WAIT_SECONDS + " s for " + times + " x '" + text + "'; the screen:\n" + screen);
        return screen;
    }

    public String waitFor(String text) throws IOException, InterruptedException {
        return waitFor(text, 1);
    }

    /** Waits for the n-th prompt: the REPL has finished the (n-1)-th input and reads again. */
    public String waitForPrompt(int n) throws IOException, InterruptedException {
        return waitFor("chan> ", n);
    }

    public static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        // A server of its own (-L): a shared one exits when its last session ends, and a session
        // started at that moment elsewhere fails with "server exited unexpectedly".
        List<String> command = new ArrayList<>(List.of("tmux", "-L", session));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "tmux " + args[0] + " did not end");
        assertTrue(p.exitValue() == 0, "tmux " + String.join(" ", args) + " failed: " + output);
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "-L", session, "kill-server").start().waitFor(30, TimeUnit.SECONDS);
    }
}
