package chan.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The run that trains the REPL's class cache (the `chan` script, -XX:AOTCacheOutput, for `chan
 * repl`): every class it loads starts from the cache in later sessions, loaded and linked. It runs
 * a program first (the warm-up program the programs' cache is trained on, a little of everything)
 * and then a REPL session fed from a file, whose dumb terminal, line reader and session a program
 * never loads. Trained on the program alone, a piped session loaded ~1 600 classes from the jars;
 * now ~60 (bench/README.md, Start-up, "The REPL's classes in a class cache of its own").
 */
public final class CacheTraining {
    /** The session's inputs: values, a function, a channel, a static and a run-time error, a command. */
    static final String SESSION = "warm-up-session.txt";

    private CacheTraining() {}

    /** {@code args[0]}: the program. The exit code is 0 when both runs succeeded; the script keeps no cache otherwise. */
    public static void main(String[] args) {
        TruffleAttachLibrary.useUnpacked();
        System.exit(train(args[0], System.out, System.err));
    }

    static int train(String program, PrintStream out, PrintStream err) {
        int programExit = ChanMain.run(new String[] {program}, InputStream.nullInputStream(), out, err);
        int sessionExit;
        try (InputStream inputs = CacheTraining.class.getResourceAsStream(SESSION)) {
            sessionExit = ChanMain.run(new String[] {"repl"}, inputs, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programExit == 0 && sessionExit == 0 ? 0 : 1;
    }
}
