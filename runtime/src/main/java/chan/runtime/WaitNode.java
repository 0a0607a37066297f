package chan.runtime;

/**
 * An entry in a channel's queue of waiting senders or receivers (Go's sudog). A strand blocked in a
 * plain send or receive is its own node, so blocking allocates nothing; a strand blocked in a
 * {@code choose} puts one {@link ChoiceWaiter} on each enabled channel.
 *
 * <p>Invariant: a node is in at most one {@link WaitQueue} at a time, and {@code next}/{@code prev} are
 * null when it is in none.
 */
abstract class WaitNode {
    WaitNode next;
    WaitNode prev;

    /** The strand that waits. */
    abstract Strand strand();

    /** The value a waiting sender offers. */
    abstract Object sendValue();

    /**
     * Completes the wait: the node has just been taken off its queue by another party's operation.
     * @param value for a receiver, the value received (or nil when closed); for a sender, {@link Channel#DONE}
     *              or {@link Channel#CLOSED}
     * @param ok    for a receiver, whether a value was received (false: the channel is closed)
     * @param at    virtual time at which the strand may run again (when the news reaches its core)
     */
    abstract void complete(Scheduler s, Object value, boolean ok, long at);
}
