package chan.runtime;

import java.util.ArrayList;

/**
 * How strands end: normally or by an error ({@link Scheduler#finished}), or killed; and the monitors
 * that hear of it. A monitor is a capacity-1 channel that receives one {@code (:exit, t, reason)}
 * message, sent from t's core at the moment t ends (so it reaches a monitor on another core a latency
 * later). Like Erlang's monitors, monitoring a thread that has already ended delivers at once.
 *
 * <p>Invariants: a DONE strand is in no run queue and no wait queue, is not in the live list, has a
 * null body, and holds its exit reason in resumeValue; each monitor channel gets exactly one message.
 */
final class Exits {
    private Exits() {}

    static Channel monitor(Scheduler s, Strand t) {
        s.spend(CostModel.MONITOR);
        Channel ch = new Channel(s, 1);
        if (t.state() == Strand.State.DONE) {
            ch.post(s.options.exitMessageFactory.exitMessage(t, t.resumeValue), t.core(), s.now());
        } else {
            Object monitors = s.monitors.get(t);
            if (monitors == null) {
                s.monitors.put(t, ch);
            } else if (monitors instanceof Channel first) {
                ArrayList<Channel> list = new ArrayList<>(2);
                list.add(first);
                list.add(ch);
                s.monitors.put(t, list);
            } else {
                @SuppressWarnings("unchecked")
                ArrayList<Channel> list = (ArrayList<Channel>) monitors;
                list.add(ch);
            }
        }
        return ch;
    }

    /**
     * Kills t. The current strand is only marked (the interpreter must unwind it and call finished);
     * any other strand ends when the kill reaches its core, withdrawn from whatever it waited on.
     */
    static void kill(Scheduler s, Strand t) {
        if (t.state() == Strand.State.DONE) return;
        if (s.current() != null) s.spend(CostModel.KILL);
        t.markKilled();
        if (t == s.current()) {
            s.endSlice(); // its next charge notices
            return;
        }
        long at = s.now() + s.lat(s.currentCore(), t.core());
        terminate(s, t, s.options.killedReason, at);
    }

    /** Ends t at time {@code at} on its core and notifies its monitors. Precondition: t is not current. */
    static void terminate(Scheduler s, Strand t, Object reason, long at) {
        withdraw(s, t);
        t.setState(Strand.State.DONE);
        t.body = null;
        t.blockSite = null;
        t.resumeValue = reason;
        removeLive(s, t);
        Object monitors = s.monitors.remove(t);
        if (monitors == null) return;
        // A message of its own for each monitor: the factory copies a mutable reason (an array thrown),
        // which the monitors' threads must not share.
        if (monitors instanceof Channel ch) {
            ch.post(s.options.exitMessageFactory.exitMessage(t, reason), t.core(), at);
        } else {
            @SuppressWarnings("unchecked")
            ArrayList<Channel> list = (ArrayList<Channel>) monitors;
            for (Channel ch : list) ch.post(s.options.exitMessageFactory.exitMessage(t, reason), t.core(), at);
        }
    }

    /** Takes t out of every queue it is in: a channel, a choose's channels, or its run queue. */
    private static void withdraw(Scheduler s, Strand t) {
        if (t.waitOn instanceof WaitQueue q) {
            q.remove(t);
        } else if (t.waitOn instanceof ChoiceWaiter[]) {
            ChoiceWaiter.claim(s, t, null);
        } else if (t.state() == Strand.State.RUNNABLE || t.state() == Strand.State.BLOCKED) {
            s.cores[t.core()].runq.remove(t); // runnable, asleep, or blocked forever: O(queue length), kills are rare
        }
        t.waitOn = null;
    }

    /** Swap-remove from the live list, keeping each strand's liveIndex right. */
    private static void removeLive(Scheduler s, Strand t) {
        int i = t.liveIndex;
        if (i < 0) return;
        Strand last = s.live.remove(s.live.size() - 1);
        if (last != t) {
            s.live.set(i, last);
            last.liveIndex = i;
        }
        t.liveIndex = -1;
    }
}
