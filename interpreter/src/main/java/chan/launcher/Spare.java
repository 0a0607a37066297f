package chan.launcher;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A spare JVM: started by `./chan` after a run, warmed up, and waiting to run the next `./chan FILE`
 * from the same directory (docs/launcher.md, "The spare"; bench/README.md, Start-up). A JVM with the
 * Truffle engine takes ~0.4 s here before it reads a program, and its compiler takes seconds to
 * become quick; the spare has spent that time already (WarmUp), so the next run takes what the
 * program itself takes. It serves one run and exits: every run still has a process of its own, with
 * nothing left behind by another.
 *
 * <p>The script makes the spare's directory (SpareDirectory names its files) and starts the JVM
 * with nothing for its standard streams; the run that claims it sends the request and copies the
 * directory's FIFOs to its own standard output and error until the spare exits. The spare makes them
 * its standard output and error (StandardDescriptors) and reads the program's input from a third.
 */
public final class Spare {
    private Spare() {}

    public static void main(String[] args) {
        TruffleAttachLibrary.useUnpacked();
        QuietOutOfMemory.install();
        SpareDirectory dir = new SpareDirectory(Path.of(args[0]));
        int status;
        SpareRequest request = null;
        try {
            StandardDescriptors descriptors = StandardDescriptors.link();
            dir.holdLifeline();
            WarmUp warmUp = WarmUp.start(dir.path(), WarmUp.SPARE_COMPILING);
            SpareWatch watch = SpareWatch.start(dir);
            try (InputStream go = dir.openGo()) {
                dir.markReady();
                request = SpareRequest.read(go);
            }
            watch.serving(request);
            warmUp.stop(); // a run that came early takes the JVM as warm as it is
            InputStream input = takeStandardStreams(dir, descriptors, request);
            if (!request.runsHere()) {
                finish(dir, descriptors, SpareDirectory.DECLINED);
                Runtime.getRuntime().halt(0);
            }
            status = ChanMain.run(request.args(), input, System.out, System.err);
            finish(dir, descriptors, Integer.toString(status));
        } catch (IOException | SpareRequest.Malformed | StandardDescriptors.Unavailable | InterruptedException e) {
            if (request == null) { // no run has it yet: none ever will
                dir.remove();
                Runtime.getRuntime().halt(ChanMain.EXIT_INTERNAL);
            }
            // No status: the run that claimed it says so.
            System.err.println("chan: the spare JVM failed: " + e.getMessage());
            status = ChanMain.EXIT_INTERNAL;
        }
        try {
            System.exit(status);
        } catch (OutOfMemoryError e) { // as ChanMain.main
            Runtime.getRuntime().halt(status);
        }
    }

    /**
     * Makes the run's standard output and error this process's (also to let the run's copies of a
     * declined request go), and returns the program's input. A FIFO's open waits for the run's copy
     * to open its end; the copy then ends when this process lets go of it. An input that is a device
     * becomes descriptor 0 (opening it reads nothing); any other is the FIFO that the run copies it
     * into once the program reads (FifoInput).
     */
    private static InputStream takeStandardStreams(SpareDirectory dir, StandardDescriptors descriptors, SpareRequest request)
                    throws StandardDescriptors.Unavailable {
        Path output = request.output().isEmpty() ? dir.file("out") : Path.of(request.output());
        if (request.error().equals(SpareRequest.SAME_AS_OUTPUT)) {
            descriptors.redirect(output, 1, 2);
        } else {
            descriptors.redirect(output, 1);
            descriptors.redirect(request.error().isEmpty() ? dir.file("err") : Path.of(request.error()), 2);
        }
        if (request.input().isEmpty()) {
            return new FifoInput(dir.in());
        }
        descriptors.redirectInput(Path.of(request.input()));
        return new FileInputStream(FileDescriptor.in);
    }

    /**
     * Ends the run for the script that claimed the spare, before the JVM's own exit (~25 ms here,
     * which it then need not wait for): the output flushed and let go (anything the JVM might still
     * print goes nowhere), the spare's files removed, the status written, and `done` closed.
     */
    private static void finish(SpareDirectory dir, StandardDescriptors descriptors, String status)
                    throws IOException, StandardDescriptors.Unavailable {
        System.out.flush();
        System.err.flush();
        descriptors.redirect(Path.of("/dev/null"), 1, 2);
        dir.remove();
        dir.writeStatus(status);
        dir.releaseLifeline();
    }
}
