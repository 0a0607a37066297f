package chan.runtime;

/**
 * A FIFO of {@link WaitNode}s waiting on one side of one channel, doubly linked so that a
 * {@code choose} that fired elsewhere, or a killed strand, can withdraw from the middle in O(1).
 * Threads blocked on the same channel are served first come, first served: nodes join at the tail
 * and are taken from the head.
 */
final class WaitQueue {
    final Channel channel;
    /** True for the queue of senders, false for receivers. */
    final boolean senders;
    private WaitNode head;
    private WaitNode tail;

    WaitQueue(Channel channel, boolean senders) {
        this.channel = channel;
        this.senders = senders;
    }

    boolean isEmpty() {
        return head == null;
    }

    void add(WaitNode n) {
        n.prev = tail;
        n.next = null;
        if (tail == null) head = n;
        else tail.next = n;
        tail = n;
    }

    /** Takes the oldest node, or null. */
    WaitNode poll() {
        WaitNode n = head;
        if (n != null) remove(n);
        return n;
    }

    /** Unlinks n. Precondition: n is in this queue. */
    void remove(WaitNode n) {
        if (n.prev == null) head = n.next;
        else n.prev.next = n.next;
        if (n.next == null) tail = n.prev;
        else n.next.prev = n.prev;
        n.next = null;
        n.prev = null;
    }

    int size() {
        int k = 0;
        for (WaitNode n = head; n != null; n = n.next) k++;
        return k;
    }
}
