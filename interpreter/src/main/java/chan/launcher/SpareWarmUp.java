package chan.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * What a spare JVM (Spare) does while it waits for its run: it runs three Chan programs with their
 * output thrown away, on a thread of its own, and a run that comes early stops it and takes the JVM
 * as warm as it is.
 * <ul>
 * <li>{@code warm-up.chan} and {@code warm-up-error.chan} do a little of everything an ordinary
 * program does, so that the classes behind it are loaded and initialized and the host's first calls
 * made: the next run's start-up.
 * <li>{@code warm-up-compile.chan} then keeps Truffle compiling small kernels for
 * {@link #COMPILING}. Its own compiled code ends with it; what stays is the compiler's. Graal is Java
 * that a new JVM runs in its interpreter and first tier, so a JVM's first compilation takes ~1.5 s
 * and its first dozen several seconds: a program of a few seconds runs mostly interpreted, waiting
 * for them. After this warm-up the host has compiled much of Graal, and the next run's first
 * compilations take a sixth to a half of the time (bench/README.md, Start-up, "A spare that has
 * compiled").
 * </ul>
 */
final class SpareWarmUp {
    /**
     * How long the compiling warm-up runs: each of its kernels is compiled at both tiers by then here.
     * `./chan` sets it from CHAN_SPARE_COMPILE; 0 leaves the compiler cold.
     */
    static final Duration COMPILING = Duration.ofSeconds(Long.getLong("chan.spare.compileSeconds", 8));

    /**
     * How often the compiling warm-up starts a round. A round takes ~20 ms interpreted and ~1 ms
     * compiled: paced, the program's thread leaves the CPU to the compiler's once its kernels are
     * compiled, instead of running them for nothing.
     */
    static final Duration ROUND = Duration.ofMillis(20);

    /** How long {@link #stop} lets the compiling warm-up end at its next round before cancelling it. */
    private static final Duration ROUNDS_END = Duration.ofSeconds(1);

    private final SpareDirectory dir;
    private final Duration compiling;
    private final Thread thread;
    /** Guarded by this: set by {@link #stop}; the program now running, to cancel, and its input. */
    private boolean stopped;
    private Cancellation running;
    private InputStream runningInput;

    private SpareWarmUp(SpareDirectory dir, Duration compiling) {
        this.dir = dir;
        this.compiling = compiling;
        this.thread = new Thread(null, this::run, "chan-spare-warm-up", 256L << 20);
    }

    /** Starts the warm-up on its own thread, its files in {@code dir}. */
    static SpareWarmUp start(SpareDirectory dir) {
        return start(dir, COMPILING);
    }

    /** The same with another time for the compiling warm-up (a test's). */
    static SpareWarmUp start(SpareDirectory dir, Duration compiling) {
        SpareWarmUp warmUp = new SpareWarmUp(dir, compiling);
        warmUp.thread.start();
        return warmUp;
    }

    /**
     * Ends the warm-up (a run has come for the JVM) and waits until its program has left the JVM. The
     * compiling warm-up ends at its next round, as at its time, which takes ~5 ms where cancelling
     * its context took 30-50 (a run that comes during it waits that much); the rest are cancelled.
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
        if (runProgram("warm-up.chan", InputStream.nullInputStream()) && runProgram("warm-up-error.chan", InputStream.nullInputStream())
                        && (!compiling.isPositive() || runProgram("warm-up-compile.chan", new Rounds(System.nanoTime() + compiling.toNanos())))) {
            // The warm-up's garbage, collected once: G1 then gives back the heap it grew to, and an
            // idle spare holds ~190 MB resident here instead of 0.5 GB or more (a served run takes as long).
            System.gc();
        }
    }

    /** Runs one warm-up program; false if the warm-up was stopped (before or during it) or the program is not there. */
    private boolean runProgram(String name, InputStream input) {
        Path program = dir.file(name);
        try (InputStream text = SpareWarmUp.class.getResourceAsStream(name)) {
            Files.copy(text, program, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | NullPointerException e) {
            return false; // the spare is as warm as it gets
        }
        Cancellation cancellation = new Cancellation();
        synchronized (this) {
            if (stopped) {
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
            return !stopped;
        }
    }

    /**
     * warm-up-compile.chan's input: an empty line every {@link #ROUND} until {@code end}
     * (System.nanoTime) or {@link #end()}, whichever comes first, then the input's end.
     */
    static final class Rounds extends InputStream {
        private final long end;
        private long next = System.nanoTime();
        private boolean ended; // guarded by this

        Rounds(long end) {
            this.end = end;
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
                if (ended || now >= end) {
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
