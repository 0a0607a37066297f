package chan.runtime;

/**
 * A core's run queue: a binary min-heap of strands ordered by (readyAt, seq), written out rather than
 * a {@code PriorityQueue} with a comparator because it sits on the path of every wake-up.
 * Both keys are unique together (seq is a global counter, {@link Scheduler#makeRunnable}), so the order
 * is total and deterministic. The seq of each queued strand is kept here, beside it, rather than in the
 * strand: only a queued strand has one, and a field would make every strand, blocked ones too, 8 bytes
 * bigger.
 */
final class RunQueue {
    private Strand[] heap = new Strand[4];
    /** seqs[i] is the seq heap[i] was queued with. */
    private long[] seqs = new long[4];
    private int size;

    boolean isEmpty() { return size == 0; }

    int size() { return size; }

    /** The strand that would run next, or null. */
    Strand peek() { return size == 0 ? null : heap[0]; }

    void add(Strand t, long seq) {
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, 2 * size);
            seqs = java.util.Arrays.copyOf(seqs, 2 * size);
        }
        siftUp(size++, t, seq);
    }

    Strand poll() {
        if (size == 0) return null;
        Strand top = heap[0];
        removeAt(0);
        return top;
    }

    /** Removes t if queued (O(size): used only by kill). */
    boolean remove(Strand t) {
        for (int i = 0; i < size; i++) {
            if (heap[i] == t) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Fills slot i with the last entry and restores the heap order. */
    private void removeAt(int i) {
        Strand last = heap[--size];
        long lastSeq = seqs[size];
        heap[size] = null;
        if (i < size) {
            siftDown(i, last, lastSeq);
            if (heap[i] == last) siftUp(i, last, lastSeq);
        }
    }

    private static boolean before(Strand a, long aSeq, Strand b, long bSeq) {
        return a.readyAt < b.readyAt || (a.readyAt == b.readyAt && aSeq < bSeq);
    }

    private void siftUp(int i, Strand t, long seq) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Strand p = heap[parent];
            long pSeq = seqs[parent];
            if (!before(t, seq, p, pSeq)) break;
            heap[i] = p;
            seqs[i] = pSeq;
            i = parent;
        }
        heap[i] = t;
        seqs[i] = seq;
    }

    private void siftDown(int i, Strand t, long seq) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], seqs[right], heap[child], seqs[child])) child = right;
            Strand c = heap[child];
            long cSeq = seqs[child];
            if (!before(c, cSeq, t, seq)) break;
            heap[i] = c;
            seqs[i] = cSeq;
            i = child;
        }
        heap[i] = t;
        seqs[i] = seq;
    }
}
