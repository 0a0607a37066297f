package chan.runtime;

/**
 * {@code choose} (Go's select, after runtime/select.go), for the current strand, in three passes:
 * <ol>
 * <li>Poll the enabled options in a random order drawn from the run's generator; the first ready
 *     one is performed. A receive is ready when the channel has a buffered item, a waiting sender, or
 *     is closed; a send when it has a waiting receiver or buffer room, or is closed (then it is the
 *     error {@code send on closed channel}). So among ready options each is picked with equal chance.
 * <li>None ready: take {@code default} if there is one; else enqueue a {@link ChoiceWaiter} on every
 *     enabled channel, in pass 1's order, and block (with no enabled option at all, block forever: a
 *     deadlock if nothing else can run).
 * <li>The first waiter completed by another strand claims the choose and withdraws the others
 *     ({@link ChoiceWaiter#claim}): a blocked choose commits exactly once.
 * </ol>
 * Results: the chosen option's index as an Integer, {@link #DEFAULT} (-1), or {@link Scheduler#BLOCK}.
 * The value received is in the chosen receive case's {@link ChooseCase#value}, the receive status in the
 * strand's {@code recvOk()} (a strand has no field for a choose's value: it would make every strand
 * bigger). A blocked choose resumes with {@code resumeValue} the Integer index, or {@link Channel#CLOSED}
 * when its send option's channel was closed (the guest error).
 */
public final class Choose {
    private Choose() {}

    /** The result when {@code default} is taken. */
    public static final Integer DEFAULT = -1;

    public static Object select(Scheduler s, ChooseCase[] cases, boolean hasDefault) {
        return select(s, cases, hasDefault, false);
    }

    /**
     * As {@link #select(Scheduler, ChooseCase[], boolean)}; with {@code prioritised} ({@code prichoose})
     * pass 1 polls in option order, so the first ready option wins, and draws nothing from the generator.
     */
    public static Object select(Scheduler s, ChooseCase[] cases, boolean hasDefault, boolean prioritised) {
        return s.isOwnTurn() ? selectNow(s, cases, hasDefault, prioritised)
                        : s.awaitTurn(() -> selectNow(s, cases, hasDefault, prioritised));
    }

    /** select at the strand's turn ({@link Scheduler#atOwnTurn}): no core can act earlier now. */
    private static Object selectNow(Scheduler s, ChooseCase[] cases, boolean hasDefault, boolean prioritised) {
        Strand cur = s.running("choose");
        int[] order = s.scratch(cases.length);
        int n = 0;
        for (int i = 0; i < cases.length; i++) {
            if (cases[i].active()) {
                if (cases[i].kind == ChooseCase.Kind.SEND) cases[i].channel.checkSendable();
                order[n++] = i;
            }
        }
        s.spend(CostModel.CHOOSE + n * CostModel.CHOOSE_CASE);

        // Pass 1: poll in a random permutation (Fisher-Yates; option order for prichoose), perform the first ready option.
        for (int k = prioritised ? 0 : n - 1; k > 0; k--) {
            int j = (int) s.random(k + 1);
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            ChooseCase c = cases[i];
            if (c.kind == ChooseCase.Kind.RECV ? c.channel.canReceive() : c.channel.canSend()) {
                cancelTimers(s, cases, i);
                return perform(s, cur, c, i);
            }
        }
        if (hasDefault) {
            cancelTimers(s, cases, -1);
            return DEFAULT;
        }

        // Pass 2: wait on every enabled channel, in pass 1's order: where two options wait in one
        // channel's queue (`option c <- 1:` and `option c <- 2:`), the partner that comes completes
        // the first, and that must be a random one too (the first in option order for prichoose).
        ChoiceWaiter[] waiters = new ChoiceWaiter[n];
        int w = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            ChooseCase c = cases[i];
            boolean send = c.kind == ChooseCase.Kind.SEND;
            WaitQueue q = send ? c.channel.sendq : c.channel.recvq;
            ChoiceWaiter waiter = new ChoiceWaiter(cur, q, i, c);
            q.add(waiter);
            waiters[w++] = waiter;
        }
        // Pass 3 happens when one waiter is completed: see ChoiceWaiter.
        return s.park(cur, n == 0 ? null : waiters);
    }

    /** The timers of the {@code after} options other than the one taken (index; -1: none) will not be read. */
    private static void cancelTimers(Scheduler s, ChooseCase[] cases, int taken) {
        if (!s.timersArmed()) {
            return; // the common case, and a choose's cost: no timer at all, so none of these options has one
        }
        for (int i = 0; i < cases.length; i++) {
            if (i != taken && cases[i].active()) s.cancelChoiceTimer(cases[i].channel);
        }
    }

    private static Object perform(Scheduler s, Strand cur, ChooseCase c, int index) {
        Integer result = index;
        if (c.kind == ChooseCase.Kind.RECV) {
            long at = c.channel.take(cur);
            c.value = cur.resumeValue;
            return Timing.waitUntil(s, cur, at, result);
        }
        if (c.channel.isClosed()) throw new ChanRuntimeError("send on closed channel");
        long at = c.channel.give(cur, c.value);
        return Timing.waitUntil(s, cur, at, result);
    }
}
