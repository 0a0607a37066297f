package chan.launcher;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The files through which `./chan` and a spare JVM talk (Spare). The script makes the directory and
 * its FIFOs, and beside it ID.key, the spare's registration: what the spare was started for (the
 * JVM's options, the working directory, the locale) and its pid, which only the script reads.
 * Claiming is the one step two processes may race on, and it is atomic (a file created with O_EXCL).
 * <ul>
 * <li>{@code out}, {@code err}: FIFOs, the run's standard output and error (only {@code out} when
 * the run's are one file).
 * <li>{@code in}: a FIFO, the program's standard input, opened at the program's first read.
 * <li>{@code go}: a FIFO, the request (SpareRequest).
 * <li>{@code done}: a FIFO the spare holds open until it has ended the run; its one line is the
 * run's exit status, or {@link #DECLINED}.
 * <li>{@code ready}: there once the JVM is up, before its warm-up has run (the script reads the
 * spare's pid from ID.key).
 * <li>{@code claimed}: whoever creates this file owns the spare (a run, or the spare itself when it
 * gives up waiting).
 * </ul>
 */
final class SpareDirectory {
    /** The status of a request the spare does not serve (the REPL, `chan bench`): the script runs it itself. */
    static final String DECLINED = "declined";

    private final Path dir;
    /** The spare's end of {@code done}, held until it exits. */
    private FileChannel lifeline;

    SpareDirectory(Path dir) {
        this.dir = dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** The directory itself (the warm-up writes its programs there too). */
    Path path() {
        return dir;
    }

    /**
     * The request's FIFO, opened for reading and writing: the open does not wait for a writer, and a
     * request written before the spare reads it stays in the FIFO (SpareRequest).
     */
    InputStream openGo() throws IOException {
        return new BufferedInputStream(Channels.newInputStream(FileChannel.open(dir.resolve("go"), StandardOpenOption.READ,
                        StandardOpenOption.WRITE)));
    }

    Path in() {
        return dir.resolve("in");
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    boolean isClaimed() {
        return Files.exists(dir.resolve("claimed"));
    }

    /** Claims the spare for itself, so that no run can claim it any more; false if a run was first. */
    boolean claimForItself() {
        try {
            Files.createFile(dir.resolve("claimed"));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return !exists();
        }
    }

    /**
     * Opens {@code done} for reading and writing, and holds it until the status is written (or the
     * JVM exits, whatever way it exits): the run that claims the spare reads it to its end.
     */
    void holdLifeline() throws IOException {
        lifeline = FileChannel.open(dir.resolve("done"), StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    void markReady() throws IOException {
        writeAtomically("ready", "");
    }

    /** The one line the spare writes to {@code done}: the run's exit status, or {@link #DECLINED}. */
    void writeStatus(String status) throws IOException {
        lifeline.write(java.nio.ByteBuffer.wrap((status + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** Closes the spare's end of {@code done}: the run that reads it goes on, while the JVM exits. */
    void releaseLifeline() throws IOException {
        lifeline.close();
    }

    private void writeAtomically(String name, String text) throws IOException {
        Path scratch = dir.resolve(name + ".tmp");
        Files.writeString(scratch, text + "\n");
        Files.move(scratch, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the spare's registration (ID.key beside the directory): no run can find it after this. */
    void removeRegistration() {
        dir.resolveSibling(dir.getFileName() + ".key").toFile().delete();
    }

    /**
     * Removes the spare's registration and its directory, FIFOs and all: nothing can claim it after
     * this. The FIFOs a run has open stay open for it. Plain java.io calls, not a walk of streams:
     * the served run's status waits for this, and a first Files.walk took ~10 ms here.
     */
    void remove() {
        removeRegistration();
        File[] files = dir.toFile().listFiles();
        for (File f : files == null ? new File[0] : files) {
            f.delete(); // or already gone: the script removes what is left
        }
        dir.toFile().delete();
    }
}
