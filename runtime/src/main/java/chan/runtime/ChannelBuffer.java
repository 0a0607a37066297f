package chan.runtime;

/**
 * The ring buffer of a buffered channel. Each item keeps the core and virtual time it was sent from,
 * because when it becomes visible depends on which core receives it (known only at receive time).
 * A notice sent by no thread (a timer's tick, an exit message: {@link Channel#post}) keeps its core
 * as {@code ~core}, a negative number, so that receiving it is not counted as a message.
 * Storage grows on demand up to the capacity, so {@code chan(1_000_000)} used as a mailbox costs
 * only what it holds.
 *
 * <p>Invariant: 0 ≤ count ≤ capacity; items leave in the order they came (FIFO).
 */
final class ChannelBuffer {
    private final int capacity;
    private Object[] values;
    private long[] times;
    private int[] cores;
    private int head;
    private int count;

    ChannelBuffer(int capacity) {
        this.capacity = capacity;
        allocate(Math.min(capacity, 8));
    }

    int size() { return count; }

    boolean isFull() { return count == capacity; }

    /** Precondition: not full. */
    void add(Object value, int core, long time) {
        if (count == values.length) grow();
        int i = (head + count) % values.length;
        values[i] = value;
        cores[i] = core;
        times[i] = time;
        count++;
    }

    /** The k-th oldest value held, 0 ≤ k < size(). */
    Object value(int k) { return values[(head + k) % values.length]; }

    /** Preconditions for the head accessors: not empty. */
    Object headValue() { return values[head]; }

    int headCore() { return cores[head]; }

    long headTime() { return times[head]; }

    void removeHead() {
        values[head] = null;
        head = (head + 1) % values.length;
        count--;
    }

    private void grow() {
        Object[] v = values;
        long[] t = times;
        int[] c = cores;
        allocate((int) Math.min(capacity, 2L * v.length));
        for (int k = 0; k < count; k++) {
            int i = (head + k) % v.length;
            values[k] = v[i];
            times[k] = t[i];
            cores[k] = c[i];
        }
        head = 0;
    }

    private void allocate(int length) {
        values = new Object[length];
        times = new long[length];
        cores = new int[length];
    }
}
