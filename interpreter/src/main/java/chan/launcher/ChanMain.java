package chan.launcher;

import java.io.InputStream;
import java.io.PrintStream;

/** The `chan` command: runs a program, the REPL, or a conformance directory (LANGUAGE.md §6). */
public final class ChanMain {
    private ChanMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs `chan ARGS…` in this process with the given streams and returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        err.println("chan: not implemented yet");
        return 70;
    }
}
