package chan.runtime;

import java.util.PriorityQueue;

/**
 * Pending {@code after(n)} timers, fired in virtual-time order (ties in the order they were armed).
 * A timer fires as a send from no strand on the core that armed it: its channel (capacity 1) receives
 * the Long time it fired at. A kill on its way to its target's core is a timer too ({@link #addKill}).
 * (Sleeps are not timers: a sleeper waits in its core's run queue.)
 *
 * <p>A cancelled timer (a choose's {@code after} option not taken) stays in the heap, marked, until it
 * reaches the top, where it is dropped unfired; once they are more than half the heap, the cancelled
 * ones are swept out at once, so that a choose in a loop keeps the heap as small as its live timers.
 */
final class Timers {
    /**
     * Ordered by time, then by arming order. (Comparable rather than Comparator.comparingLong: that
     * one links a serializable lambda at every run's start, which the class cache cannot hold.)
     */
    private record Timer(long time, long seq, Channel channel, int core, Strand killed) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }

        boolean cancelled() {
            return channel != null && channel.timerCancelled;
        }
    }

    private final PriorityQueue<Timer> heap = new PriorityQueue<>();
    private long seq;
    private int cancelled;

    void add(long time, Channel channel, int core) {
        heap.add(new Timer(time, ++seq, channel, core, null));
    }

    /** A kill on its way to t's core: when it fires, t ends ({@link Exits#killArrived}). */
    void addKill(long time, Strand t) {
        heap.add(new Timer(time, ++seq, null, t.core(), t));
    }

    /** Cancels the timer of this choose timer channel, armed and not yet fired. */
    void cancel(Channel channel) {
        channel.timerCancelled = true;
        channel.timerArmed = false;
        cancelled++;
        if (cancelled > 64 && cancelled * 2 > heap.size()) {
            heap.removeIf(Timer::cancelled);
            cancelled = 0;
        }
    }

    boolean isEmpty() {
        dropCancelledHead();
        return heap.isEmpty();
    }

    /** Time of the next timer, or Long.MAX_VALUE. */
    long nextTime() {
        dropCancelledHead();
        Timer t = heap.peek();
        return t == null ? Long.MAX_VALUE : t.time();
    }

    void fireNext(Scheduler s) {
        dropCancelledHead();
        Timer t = heap.poll();
        if (t.killed() != null) {
            Exits.killArrived(s, t.killed(), t.time());
        } else {
            t.channel().timerArmed = false;
            t.channel().post(t.time(), t.core(), t.time());
        }
    }

    private void dropCancelledHead() {
        while (!heap.isEmpty() && heap.peek().cancelled()) {
            heap.poll();
            cancelled--;
        }
    }
}
