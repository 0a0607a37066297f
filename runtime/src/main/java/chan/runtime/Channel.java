package chan.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A Chan channel (after Go's runtime/chan.go): an optional ring buffer plus FIFO queues of waiting
 * senders and receivers. All operations act for the scheduler's current strand, at its core's clock.
 *
 * <p>Invariants:
 * <ul>
 * <li>At least one of sendq and recvq is empty, except when one strand's choose waits on both sides
 *     of this channel (it cannot rendezvous with itself).
 * <li>Buffered: items in the buffer ⇒ recvq empty; buffer not full ⇒ sendq empty.
 * <li>A value goes straight to the oldest waiting receiver when there is one (no buffer copy).
 * <li>Closed: no value is ever added; waiters were all woken by close (receivers with nil/false,
 *     senders with {@link #CLOSED}); receives drain the buffer, then return nil with recvOk false.
 * </ul>
 * Timing (docs/machine-model.md): a value sent on core i at time t is visible on core j at
 * {@code t + latency(i, j)} plus {@link CostModel#CACHE_LINE} per extra line; a rendezvous sender
 * finishes when the receiver's acknowledgement is back, {@code latency(j, i)} later; a buffered send
 * finishes at once. A party that must wait spins up to {@link CostModel#SPIN_LIMIT}, else blocks.
 */
public final class Channel implements Comparable<Channel>, TruffleObject {
    /** A send completed. */
    public static final Object DONE = new Marker("DONE");
    /** The channel was closed while the sender waited: the interpreter raises {@code send on closed channel}. */
    public static final Object CLOSED = new Marker("CLOSED");

    private final Scheduler s;
    private final int id;
    private final int capacity;
    private final ChannelBuffer buf;
    final WaitQueue recvq = new WaitQueue(this, false);
    final WaitQueue sendq = new WaitQueue(this, true);
    private boolean closed;
    /**
     * The timer of a choose's {@code option after(n)}, which nothing but that choose can reach: when
     * the choose takes another option, the timer is cancelled (Timers.cancel) instead of staying
     * armed, with its channel, until its time (a choose in a loop with a long timeout filled the heap).
     */
    boolean choiceTimer;
    /** Set when such a timer is cancelled: it will not fire. */
    boolean timerCancelled;
    /**
     * The channel of an {@code after(n)} whose timer has neither fired nor been cancelled: a strand
     * waiting to receive from it will be woken, so it has not leaked ({@link Scheduler#leaked}).
     */
    boolean timerArmed;
    /**
     * What made a channel that only the runtime sends on, {@code "after(n)"} or {@code "monitor(t)"},
     * else null. A program's send or close on it is an error, as Go's {@code <-chan} refuses them: a
     * value sent first filled the one place its timer tick or exit message needed, which was then
     * lost, and a close dropped it too (the receiver waited for ever).
     */
    private String receiveOnlyFrom;
    private long closedAt;
    private int closedCore;
    /** The strands of the last completed send and receive, for the deadlock report's wait-for graph. */
    Strand lastSender;
    Strand lastReceiver;

    public Channel(Scheduler s, int capacity) {
        if (capacity < 0) throw new ChanRuntimeError("channel capacity " + capacity + " is negative");
        this.s = s;
        this.id = s.newChannelId();
        this.capacity = capacity;
        this.buf = capacity > 0 ? new ChannelBuffer(capacity) : null;
    }

    public int id() { return id; }

    /** Channels as map keys and in {@code sort}: in the order they were made (their ids), so <chan 2> before <chan 10>. */
    @Override
    public int compareTo(Channel other) { return Integer.compare(id, other.id); }

    public int capacity() { return capacity; }

    public int length() { return buf == null ? 0 : buf.size(); }

    /** The value buffered at {@code k}, 0 the next to be received; 0 ≤ k < length(). */
    Object buffered(int k) { return buf.value(k); }

    public boolean isClosed() { return closed; }

    /** Makes this a channel only the runtime sends on; {@code maker} names it in errors, e.g. {@code "after(n)"}. */
    void receiveOnly(String maker) { receiveOnlyFrom = maker; }

    /** The error of a program's send on a channel of after() or monitor(); none for others. */
    void checkSendable() {
        if (receiveOnlyFrom != null) throw new ChanRuntimeError("send on the receive-only channel of " + receiveOnlyFrom);
    }

    /**
     * Sends for the current strand: {@link #DONE}, or {@link Scheduler#BLOCK} (resumes with DONE or
     * CLOSED). Like every operation on a channel, it happens at the strand's turn ({@link
     * Scheduler#atOwnTurn}), so that the channel sees the operations of all cores in virtual-time order.
     */
    public Object send(Object value) {
        // As Scheduler.atOwnTurn, written out so that the common case (its turn) makes no Supplier.
        return s.isOwnTurn() ? sendNow(value) : s.awaitTurn(() -> sendNow(value));
    }

    private Object sendNow(Object value) {
        Strand cur = s.running("send");
        s.spend(CostModel.SEND);
        checkSendable();
        if (closed) throw new ChanRuntimeError("send on closed channel");
        if (canSend()) return Timing.waitUntil(s, cur, give(cur, value), DONE);
        cur.resumeValue = value;
        sendq.add(cur);
        return s.park(cur, sendq);
    }

    /** Receives for the current strand: the value (recvOk set), or BLOCK (resumes with it). */
    public Object receive() {
        return s.isOwnTurn() ? receiveNow() : s.awaitTurn(this::receiveNow);
    }

    private Object receiveNow() {
        Strand cur = s.running("receive");
        s.spend(CostModel.RECEIVE);
        if (canReceive()) {
            long at = take(cur); // sets cur.resumeValue and cur.recvOk
            return Timing.waitUntil(s, cur, at, cur.resumeValue);
        }
        recvq.add(cur);
        return s.park(cur, recvq);
    }

    /** Closes the channel, waking every waiter (the news reaches each at its own latency); returns nil, or BLOCK until its turn. */
    public Object close() {
        return s.isOwnTurn() ? closeNow() : s.awaitTurn(this::closeNow);
    }

    private Object closeNow() {
        s.spend(CostModel.CLOSE);
        if (receiveOnlyFrom != null) throw new ChanRuntimeError("close of the receive-only channel of " + receiveOnlyFrom);
        if (closed) throw new ChanRuntimeError("close of closed channel");
        int from = s.currentCore();
        long now = s.now();
        closed = true;
        closedAt = now;
        closedCore = from;
        for (WaitNode r; (r = recvq.poll()) != null; ) r.complete(s, s.nil, false, now + s.lat(from, r.strand().core()));
        for (WaitNode w; (w = sendq.poll()) != null; ) w.complete(s, CLOSED, false, now + s.lat(from, w.strand().core()));
        return s.nil;
    }

    boolean canReceive() {
        return (buf != null && buf.size() > 0) || !sendq.isEmpty() || closed;
    }

    boolean canSend() {
        return closed || !recvq.isEmpty() || (buf != null && !buf.isFull());
    }

    /**
     * Sends v from cur. Precondition: canSend() and not closed. Returns when the send is complete for
     * cur: now for a buffered channel, the acknowledgement's arrival for a rendezvous.
     */
    long give(Strand cur, Object v) {
        long now = s.now();
        lastSender = cur;
        WaitNode r = recvq.poll();
        if (r == null) {
            buf.add(v, cur.core(), now);
            return now;
        }
        Strand to = r.strand();
        lastReceiver = to;
        long arrive = Timing.arrival(s, v, cur.core(), now, to);
        r.complete(s, v, true, arrive);
        return capacity == 0 ? arrive + s.lat(to.core(), cur.core()) : now;
    }

    /**
     * Receives into cur.resumeValue and cur.recvOk. Precondition: canReceive(). Returns when the data is
     * visible on cur's core (possibly later than now).
     */
    long take(Strand cur) {
        long now = s.now();
        int to = cur.core();
        if (buf != null && buf.size() > 0) {
            lastReceiver = cur;
            Object v = buf.headValue();
            int sentFrom = buf.headCore();
            long visible = sentFrom >= 0 ? Timing.arrival(s, v, sentFrom, buf.headTime(), cur)
                            : buf.headTime() + Timing.transferTime(s, v, ~sentFrom, to); // a notice: no message (post)
            buf.removeHead();
            WaitNode w = sendq.poll(); // room now: the oldest blocked sender's value joins the buffer
            if (w != null) {
                Strand from = w.strand();
                lastSender = from;
                buf.add(w.sendValue(), from.core(), from.readyAt);
                w.complete(s, DONE, true, now + s.lat(to, from.core()));
            }
            return received(cur, v, true, Math.max(now, visible));
        }
        WaitNode w = sendq.poll();
        if (w != null) {
            Strand from = w.strand();
            lastSender = from;
            lastReceiver = cur;
            Object v = w.sendValue();
            long got = Math.max(now, Timing.arrival(s, v, from.core(), from.readyAt, cur));
            w.complete(s, DONE, true, got + s.lat(to, from.core()));
            return received(cur, v, true, got);
        }
        return received(cur, s.nil, false, closedAt + s.lat(closedCore, to));
    }

    private static long received(Strand cur, Object v, boolean ok, long at) {
        cur.resumeValue = v;
        cur.setRecvOk(ok);
        return at;
    }

    /** A send from no strand (a timer, an exit notice) that never blocks: dropped if full or closed. */
    void post(Object v, int from, long at) {
        if (closed) return;
        WaitNode r = recvq.poll();
        if (r != null) r.complete(s, v, true, at + Timing.transferTime(s, v, from, r.strand().core()));
        else if (buf != null && !buf.isFull()) buf.add(v, ~from, at); // ~: a notice (ChannelBuffer)
    }

    @Override
    public String toString() {
        return "channel " + id;
    }
}
