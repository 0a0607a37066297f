package chan.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import chan.launcher.ChanMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * `chan ARGV` run by an in-process interpreter with streams of its own, on a thread of its own, so
 * that a program that never ends fails its test instead of hanging the build.
 */
record InProcessRun(int exit, String stdout, String stderr) {
    private static final long TIMEOUT_SECONDS = 60;

    static InProcessRun of(String[] argv, String stdin) throws InterruptedException {
        return run(argv, stdin, false);
    }

    /**
     * The same with standard output and error written to one stream, in the order they were written,
     * as a terminal shows them: all of it is {@link #stdout}, and {@link #stderr} is empty.
     */
    static InProcessRun merged(String[] argv, String stdin) throws InterruptedException {
        return run(argv, stdin, true);
    }

    private static InProcessRun run(String[] argv, String stdin, boolean merged) throws InterruptedException {
        var out = new ByteArrayOutputStream();
        var err = merged ? out : new ByteArrayOutputStream();
        int[] exit = {-1};
        Throwable[] crash = {null};
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = merged ? o : new PrintStream(err, true, UTF_8)) {
            Thread runner = new Thread(() -> {
                try {
                    exit[0] = ChanMain.run(argv, new ByteArrayInputStream(stdin.getBytes(UTF_8)), o, e);
                } catch (Throwable t) {
                    crash[0] = t;
                }
            }, "in-process chan " + argv[0]);
            runner.setDaemon(true);
            runner.start();
            runner.join(TIMEOUT_SECONDS * 1000);
            if (runner.isAlive()) {
                runner.interrupt();
                fail(argv[0] + ": still running after " + TIMEOUT_SECONDS + " s");
            }
        }
        if (crash[0] != null) {
            throw new AssertionError("the interpreter threw", crash[0]);
        }
        return new InProcessRun(exit[0], out.toString(UTF_8), merged ? "" : err.toString(UTF_8));
    }
}
