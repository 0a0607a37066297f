package chan.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A strand: one lightweight Chan thread as the scheduler sees it. Its {@link #body} is the interpreter's
 * (a suspended continuation); everything else is scheduling state. Ids are sequential from 1 (the main
 * thread) in spawn order, so they are deterministic.
 *
 * <p>States and where the strand is:
 * <ul>
 * <li>RUNNING: it is {@link Scheduler#current()}.
 * <li>RUNNABLE: in its core's run queue, to run no earlier than {@code readyAt}; its result is decided
 *     (in {@link #resumeValue}) even if the message carrying it is still in flight to its core.
 * <li>BLOCKED: waiting on one channel ({@code waitOn} is that {@link WaitQueue} and the strand is the
 *     queue node), on a choose ({@code waitOn} is its {@link ChoiceWaiter}[]), asleep (in its run queue
 *     until {@code readyAt}, {@code waitOn} null), or forever (a choose with no options).
 * <li>DONE: finished or killed; {@link #resumeValue} holds the exit reason, {@link #body} is null.
 * </ul>
 * While blocked in a send, {@link #resumeValue} holds the value being sent and {@code readyAt} the time
 * it was offered. Nothing else is allocated for a blocked send or receive. Rare or transient state lives
 * elsewhere: monitors in a side table ({@link Scheduler#monitors}), an operation waiting for its turn
 * in {@code waitOn}, the run queue's tie-breaking seq in the {@link RunQueue}, the value a {@code choose}
 * received in its {@link ChooseCase}.
 *
 * <p>Size: 56 bytes with compressed pointers and compact object headers (a million blocked strands cost
 * 56 MB). Layout (HotSpot puts the wider fields first): header 8; {@code next}, {@code prev} 8 (from
 * {@link WaitNode}); {@code readyAt} 8; {@code id}, {@code liveIndex} and the references {@code body},
 * {@code resumeValue}, {@code blockSite}, {@code spawnSite}, {@code waitOn} 4 each, 28; {@code core}
 * 2; {@code state} and {@code flags} 1 each: 56, no byte to spare (one more field makes it 64). Check
 * it with {@code jcmd PID GC.class_histogram} (bench/concurrency/README.md).
 */
public final class Strand extends WaitNode implements Comparable<Strand>, TruffleObject {
    public enum State { RUNNABLE, RUNNING, BLOCKED, DONE }

    private static final State[] STATES = State.values();

    /** {@link #flags}: the last receive got a value (clear: it found the channel closed and drained). */
    private static final byte RECV_OK = 1;
    /** {@link #flags}: killed; it ends when it next stops running, or at once if it was not running. */
    private static final byte KILLED = 2;

    private final int id;
    /** At most {@link Machine#MAX_CORES} cores: a short keeps a strand at 56 bytes. */
    private final short core;
    /** The {@link State}'s ordinal: a byte rather than a reference. */
    private byte state;
    /** {@link #RECV_OK} and {@link #KILLED}: one byte rather than two booleans. */
    private byte flags;

    /** The interpreter's continuation (null once DONE). */
    public Object body;
    /**
     * What the strand resumes with: a received value, {@link Channel#DONE}/{@link Channel#CLOSED}, a
     * choose's Integer index.
     */
    public Object resumeValue;
    /** Set by the interpreter before it blocks; toString() like {@code receive at prog.chan:12:5}. */
    public Object blockSite;
    /** Where the strand was started; toString() like {@code prog.chan:12}. Null for the main thread. */
    public Object spawnSite;

    long readyAt;
    int liveIndex = -1;
    /**
     * null, a {@link WaitQueue}, or a {@link ChoiceWaiter}[] (see the class comment); while RUNNABLE and
     * waiting for its turn, the operation to run when the strand is next dispatched ({@link
     * Scheduler#awaitTurn}): it is transient, and a field of its own would make every strand 8 bytes bigger.
     */
    Object waitOn;

    Strand(int id, int core, Object body) {
        this.id = id;
        this.core = (short) core;
        this.body = body;
    }

    public int id() { return id; }

    /** Threads as map keys and in {@code sort}: in the order they were started (their ids), so <thread 2> before <thread 10>. */
    @Override
    public int compareTo(Strand other) { return Integer.compare(id, other.id); }

    public int core() { return core; }

    public State state() { return STATES[state]; }

    void setState(State s) { state = (byte) s.ordinal(); }

    /** Status of the last receive (plain or in a choose): false when it found the channel closed and drained. */
    public boolean recvOk() { return (flags & RECV_OK) != 0; }

    void setRecvOk(boolean ok) { flags = (byte) (ok ? flags | RECV_OK : flags & ~RECV_OK); }

    boolean killed() { return (flags & KILLED) != 0; }

    void markKilled() { flags |= KILLED; }

    /** The exit reason once DONE, else null. */
    public Object exitReason() {
        return state() == State.DONE ? resumeValue : null;
    }

    @Override
    Strand strand() { return this; }

    @Override
    Object sendValue() { return resumeValue; }

    @Override
    void complete(Scheduler s, Object value, boolean ok, long at) {
        waitOn = null;
        resumeValue = value;
        setRecvOk(ok);
        s.makeRunnable(this, at);
    }

    @Override
    public String toString() {
        return "thread " + id;
    }
}
