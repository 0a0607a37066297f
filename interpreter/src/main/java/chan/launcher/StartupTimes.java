package chan.launcher;

/**
 * Start-up timers for `./chan FILE` (bench/README.md, Start-up): with -Dchan.startupTimes=true each
 * mark prints to stderr how many milliseconds the JVM has been up, so the slow phase shows at a glance.
 */
final class StartupTimes {
    private static final boolean ON = Boolean.getBoolean("chan.startupTimes");

    private StartupTimes() {}

    static void mark(String phase) {
        if (ON) {
            long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            System.err.printf("chan: start-up %5d ms  %s%n", uptime, phase);
        }
    }
}
