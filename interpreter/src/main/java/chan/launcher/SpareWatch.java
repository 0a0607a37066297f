package chan.launcher;

import java.io.File;
import java.util.concurrent.TimeUnit;

/**
 * The spare's watch (Spare), a daemon thread that ends the spare when nobody will ever use it, since
 * it would otherwise wait forever: once a second it checks that its directory is still there (a
 * `mvn clean` removes it), that the launcher's jar has not been rebuilt since the spare started,
 * and that it has not waited longer than {@code chan.spare.idleSeconds} (default 600); after the
 * request, that the run that sent it is still alive (when it is killed, its program ends with it, as
 * a JVM of its own would, and so does its copy of standard input).
 */
final class SpareWatch implements Runnable {
    /** How long a run that claimed the spare may take to send its request. */
    private static final long REQUEST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final SpareDirectory dir;
    private final long idleLimitNanos = TimeUnit.SECONDS.toNanos(Long.getLong("chan.spare.idleSeconds", 600));
    private final long startedAt = System.nanoTime();
    private final File jar = launcherJar();
    private final long jarModified = jar == null ? 0 : jar.lastModified();
    private long claimedAt;
    private volatile long clientPid;
    private volatile long inputCopyPid;

    private SpareWatch(SpareDirectory dir) {
        this.dir = dir;
    }

    static SpareWatch start(SpareDirectory dir) {
        SpareWatch watch = new SpareWatch(dir);
        Thread thread = new Thread(watch, "chan-spare-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    /** The request has come: from now on the spare lives as long as the run that sent it. */
    void serving(SpareRequest request) {
        inputCopyPid = request.inputCopyPid();
        clientPid = request.clientPid();
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (clientPid != 0) {
                if (!ProcessHandle.of(clientPid).map(ProcessHandle::isAlive).orElse(false)) {
                    // Its copy of standard input may wait for ever to open the input's FIFO: it goes too.
                    if (inputCopyPid > 0) { // 0: the spare opened the input itself
                        ProcessHandle.of(inputCopyPid).ifPresent(ProcessHandle::destroy);
                    }
                    dir.remove();
                    Runtime.getRuntime().halt(ChanMain.EXIT_CANCELLED);
                }
            } else if (dir.isClaimed()) {
                claimedAt = claimedAt == 0 ? System.nanoTime() : claimedAt;
                if (System.nanoTime() - claimedAt > REQUEST_WAIT_NANOS) {
                    giveUp(); // the run that claimed it died before it said what to run
                }
            } else if (!dir.exists() || stale()) {
                giveUp();
            } else if (System.nanoTime() - startedAt > idleLimitNanos && dir.claimForItself()) {
                giveUp();
            }
        }
    }

    private boolean stale() {
        return jar != null && jar.lastModified() != jarModified;
    }

    private void giveUp() {
        dir.remove();
        Runtime.getRuntime().halt(0);
    }

    private static File launcherJar() {
        try {
            File file = new File(Spare.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return file.isFile() ? file : null;
        } catch (Exception e) {
            return null;
        }
    }
}
