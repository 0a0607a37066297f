package chan.runtime;

/**
 * A core's run queue: a binary min-heap of strands ordered by (readyAt, seq), written out rather than
 * a {@code PriorityQueue} with a comparator because it sits on the path of every wake-up.
 * Both keys are unique together (seq is a global counter), so the order is total and deterministic.
 */
final class RunQueue {
    private Strand[] heap = new Strand[4];
    private int size;

    boolean isEmpty() { return size == 0; }

    int size() { return size; }

    /** The strand that would run next, or null. */
    Strand peek() { return size == 0 ? null : heap[0]; }

    void add(Strand t) {
        if (size == heap.length) heap = java.util.Arrays.copyOf(heap, 2 * size);
        siftUp(size++, t);
    }

    Strand poll() {
        if (size == 0) return null;
        Strand top = heap[0];
        Strand last = heap[--size];
        heap[size] = null;
        if (size > 0) siftDown(0, last);
        return top;
    }

    /** Removes t if queued (O(size): used only by kill). */
    boolean remove(Strand t) {
        for (int i = 0; i < size; i++) {
            if (heap[i] != t) continue;
            Strand last = heap[--size];
            heap[size] = null;
            if (i < size) {
                siftDown(i, last);
                if (heap[i] == last) siftUp(i, last);
            }
            return true;
        }
        return false;
    }

    private static boolean before(Strand a, Strand b) {
        return a.readyAt < b.readyAt || (a.readyAt == b.readyAt && a.seq < b.seq);
    }

    private void siftUp(int i, Strand t) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Strand p = heap[parent];
            if (!before(t, p)) break;
            heap[i] = p;
            i = parent;
        }
        heap[i] = t;
    }

    private void siftDown(int i, Strand t) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Strand c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) c = heap[child = right];
            if (!before(c, t)) break;
            heap[i] = c;
            i = child;
        }
        heap[i] = t;
    }
}
