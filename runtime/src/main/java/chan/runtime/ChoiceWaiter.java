package chan.runtime;

/**
 * One option of a blocked {@code choose}, waiting in one channel's queue. All the waiters of one
 * choose are held in the strand's {@code waitOn} array; the first to be completed claims the choose
 * and withdraws the others from their queues (Go's selectgo pass 3, done eagerly).
 *
 * <p>Invariant (claimed exactly once): a choose is claimed only while {@code strand.waitOn} is its
 * waiter array; claiming clears it, so a second claim is an internal error, and no sibling stays
 * queued anywhere to be claimed later.
 */
final class ChoiceWaiter extends WaitNode {
    final Strand strand;
    final WaitQueue queue;
    final int index;
    /** The option: its value to send, or, once it receives, where the value received goes. */
    final ChooseCase option;

    ChoiceWaiter(Strand strand, WaitQueue queue, int index, ChooseCase option) {
        this.strand = strand;
        this.queue = queue;
        this.index = index;
        this.option = option;
    }

    @Override
    Strand strand() {
        return strand;
    }

    @Override
    Object sendValue() {
        return option.value;
    }

    @Override
    void complete(Scheduler s, Object v, boolean ok, long at) {
        claim(s, strand, this);
        if (v == Channel.CLOSED) {
            strand.resumeValue = Channel.CLOSED; // a send option's channel was closed: the guest error
        } else {
            strand.resumeValue = index;
            if (!queue.senders) option.value = v;
            strand.setRecvOk(ok);
        }
        s.makeRunnable(strand, at);
    }

    /** Claims t's choose for {@code winner} (null: withdraw all, as when t is killed); the losers' timers are cancelled. */
    static void claim(Scheduler s, Strand t, ChoiceWaiter winner) {
        if (!(t.waitOn instanceof ChoiceWaiter[] all)) {
            throw new IllegalStateException("claim: choose of thread " + t.id() + " claimed twice");
        }
        t.waitOn = null;
        for (ChoiceWaiter w : all) {
            if (w != winner) {
                w.queue.remove(w);
                s.cancelChoiceTimer(w.queue.channel);
            }
        }
    }
}
