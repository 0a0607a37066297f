package chan.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a JVM that waits for its user does meanwhile: a spare (Spare) waiting for its run, and the
 * REPL waiting for its first inputs. It runs three Chan programs with their output thrown away, on
 * a thread of its own, and {@link #stop} ends it early: a run that comes takes the JVM as warm as
 * it is.
 * <ul>
 * <li>{@code warm-up.chan} and {@code warm-up-error.chan} do a little of everything an ordinary
 * program does, so that the classes behind it are loaded and initialized and the host's first calls
 * made: the next run's start-up.
 * <li>{@code warm-up-compile.chan} then keeps Truffle compiling small kernels for a few seconds
 * ({@link #SPARE_COMPILING}, {@link #REPL_COMPILING}). Its own compiled code ends with it; what stays
 * is the compiler's. Graal is Java that a new JVM runs in its interpreter and first tier, so a JVM's
 * first compilation takes ~1.5 s and its first dozen several seconds: a program of a few seconds runs
 * mostly interpreted, waiting for them. After this warm-up the host has compiled much of Graal, and
 * the next run's first compilations take a sixth to a half of the time (bench/README.md, Start-up,
 * "A spare that has compiled").
 * </ul>
 * Each program runs in a context of its own, which shares nothing with the user's: in the REPL the
 * two run side by side, and the session's values, output and virtual times are what they would be
 * without it.
 */
final class WarmUp {
    /**
     * How long a spare's compiling warm-up runs: each of its kernels is compiled at both tiers by then
     * here. `./chan` sets it from CHAN_SPARE_COMPILE; 0 leaves the compiler cold.
     */
    static final Duration SPARE_COMPILING = Duration.ofSeconds(Long.getLong("chan.spare.compileSeconds", 8));

    /**
     * The same for the REPL: `./chan` sets it from CHAN_REPL_COMPILE (default 8). A REPL started
     * otherwise (in-process, by tests) warms up nothing.
     */
    static final Duration REPL_COMPILING = Duration.ofSeconds(Long.getLong("chan.repl.compileSeconds", 0));

    /**
     * How often the compiling warm-up starts a round. A round takes ~20 ms interpreted and ~1 ms
     * compiled: paced, the program's thread leaves the CPU to the compiler's once its kernels are
     * compiled, instead of running them for nothing.
     */
    static final Duration ROUND = Duration.ofMillis(20);

    /** How long {@link #stop} lets the compiling warm-up end at its next round before cancelling it. */
    private static final Duration ROUNDS_END = Duration.ofSeconds(1);

    /** Where the programs are written to run from. */
    private final Path dir;
    /** Whether {@link #dir} is this warm-up's own, to remove when it ends. */
    private final boolean ownsDir;
    private final Duration compiling;
    /** Polled at each round and between programs: once true, the warm-up ends as if stopped. */
    private final BooleanSupplier yieldWhen;
    private final Thread thread;
    /** Guarded by this: set by {@link #stop}; the program now running, to cancel, and its input. */
    private boolean stopped;
    private Cancellation running;
    private InputStream runningInput;

    private WarmUp(Path dir, boolean ownsDir, Duration compiling, BooleanSupplier yieldWhen) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.compiling = compiling;
        this.yieldWhen = yieldWhen;
        this.thread = new Thread(null, this::run, "chan-warm-up", 256L << 20);
    }

    /**
     * Starts the warm-up on its own thread, its files in {@code dir}, with {@code compiling} for the
     * compiling program (none when zero).
     */
    static WarmUp start(Path dir, Duration compiling) {
        return start(new WarmUp(dir, false, compiling, () -> false));
    }

    /**
     * The same in a new temporary directory, which the warm-up removes when it ends, and ending of
     * its own accord, without {@link #stop}, once {@code yieldWhen} is true (the JVM's user needs the
     * CPU); null if no directory can be made (the JVM then stays as cold as it is).
     */
    static WarmUp startInTemporaryDirectory(Duration compiling, BooleanSupplier yieldWhen) {
        try {
            Path dir = Files.createTempDirectory("chan-warm-up");
            // A JVM ended by a signal skips stop() but still deletes what is marked so (the files are
            // marked as they are written, after the directory: the last marked goes first).
            dir.toFile().deleteOnExit();
            return start(new WarmUp(dir, true, compiling, yieldWhen));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Where its programs are written. */
    Path directory() {
        return dir;
    }

    private static WarmUp start(WarmUp warmUp) {
        warmUp.thread.setDaemon(true); // the JVM's exit does not wait for it
        warmUp.thread.start();
        return warmUp;
    }

    /**
     * Ends the warm-up (a run has come for the JVM, or the REPL ends) and waits until its program has
     * left the JVM and its temporary directory, if it has one, is gone. The compiling warm-up ends
     * at its next round, as at its time, which takes ~5 ms where cancelling its context took 30-50
     * (a run that comes during it waits that much); the rest are cancelled.
     */
    void stop() throws InterruptedException {
        Cancellation program;
        InputStream input;
        synchronized (this) {
            stopped = true;
            program = running;
            input = runningInput;
        }
        if (input instanceof Rounds rounds) {
            rounds.end();
            thread.join(ROUNDS_END.toMillis());
        }
        if (program != null && thread.isAlive()) {
            program.cancel();
        }
        thread.join();
    }

    private void run() {
        try {
            runPrograms();
        } finally {
            if (ownsDir) {
                removeDir();
            }
        }
    }

    private void runPrograms() {
        if (runProgram("warm-up.chan", InputStream.nullInputStream()) && runProgram("warm-up-error.chan", InputStream.nullInputStream())
                        && (!compiling.isPositive() || runProgram("warm-up-compile.chan", new Rounds(System.nanoTime() + compiling.toNanos(), yieldWhen)))) {
            // The warm-up's garbage, collected once: G1 then gives back the heap it grew to, and an
            // idle spare holds ~190 MB resident here instead of 0.5 GB or more (a served run takes as long).
            System.gc();
        }
    }

    /** Runs one warm-up program; false if the warm-up was stopped (before or during it) or the program is not there. */
    private boolean runProgram(String name, InputStream input) {
        Path program = dir.resolve(name);
        try (InputStream text = WarmUp.class.getResourceAsStream(name)) {
            Files.copy(text, program, StandardCopyOption.REPLACE_EXISTING);
            if (ownsDir) {
                program.toFile().deleteOnExit();
            }
        } catch (IOException | NullPointerException e) {
            return false; // the JVM is as warm as it gets
        }
        Cancellation cancellation = new Cancellation();
        synchronized (this) {
            if (stopped || yieldWhen.getAsBoolean()) {
                return false;
            }
            running = cancellation;
            runningInput = input;
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, System.out.charset());
        ChanMain.run(new String[] {program.toString()}, input, nowhere, nowhere, cancellation);
        synchronized (this) {
            running = null;
            runningInput = null;
            return !stopped && !yieldWhen.getAsBoolean();
        }
    }

    /** Removes the programs and the directory; what cannot be removed stays (the system's temporary files). */
    private void removeDir() {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the system to clean
        }
    }

    /**
     * warm-up-compile.chan's input: an empty line every {@link #ROUND} until {@code end}
     * (System.nanoTime), {@link #end()} or {@code endWhen}, whichever comes first, then the input's end.
     */
    static final class Rounds extends InputStream {
        private final long end;
        private final BooleanSupplier endWhen;
        private long next = System.nanoTime();
        private boolean ended; // guarded by this

        Rounds(long end, BooleanSupplier endWhen) {
            this.end = end;
            this.endWhen = endWhen;
        }

        /** Ends the input now: a read waiting for its round returns at once. */
        synchronized void end() {
            ended = true;
            notifyAll();
        }

        @Override
        public synchronized int read() throws IOException {
            while (true) {
                long now = System.nanoTime();
                if (ended || now >= end || endWhen.getAsBoolean()) {
                    return -1;
                }
                if (now >= next) {
                    next = now + ROUND.toNanos();
                    return '\n';
                }
                try {
                    Duration wait = Duration.ofNanos(Math.min(next, end) - now);
                    wait(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }
    }
}
