package chan.launcher;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Heap measurements for `chan bench`. Pool peaks (cheap, include garbage) for the timed runs; for one
 * untimed run, a daemon thread that forces a full GC every {@link #PERIOD_MS} ms and keeps the largest
 * heap occupancy left after it: the peak of what the run keeps reachable, sampled. A full GC is a
 * stop-the-world safepoint, so forcing it from another thread is safe while the program runs.
 */
final class HeapSampler {
    static final long PERIOD_MS = 100;

    private final long baseline;
    private final Thread thread;
    private volatile boolean stopped;
    private long peak;
    private int samples;

    private HeapSampler(long baseline) {
        this.baseline = baseline;
        this.thread = new Thread(this::sample, "chan-bench-heap-sampler");
        thread.setDaemon(true);
    }

    /** Measures the live heap now, then samples it until {@link #stop}. */
    static HeapSampler start() {
        HeapSampler s = new HeapSampler(liveHeap());
        s.thread.start();
        return s;
    }

    /** Stops sampling; returns the peak live heap above the baseline, in bytes (at least 0). */
    long stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(0, peak - baseline);
    }

    int samples() {
        return samples;
    }

    private void sample() {
        long delay = PERIOD_MS / 5; // a first sample early, for short runs
        while (!stopped) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            peak = Math.max(peak, liveHeap()); // a sample after the run ended is only lower
            samples++;
            delay = PERIOD_MS;
        }
    }

    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak occupancy since {@link #resetPeaks}: an upper bound, garbage included. */
    static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
