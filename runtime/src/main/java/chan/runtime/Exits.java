package chan.runtime;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * How strands end: normally or by an error ({@link Scheduler#finished}), or killed; and the monitors
 * that hear of it. A monitor is a capacity-1 channel that receives one {@code (:exit, t, reason)}
 * message, sent from t's core at the moment t ends (so it reaches a monitor on another core a latency
 * later). Like Erlang's monitors, monitoring a thread that has already ended delivers at once.
 *
 * <p>A watch ({@link #watch}) is a monitor that does not take the reason: a thread that crashes with
 * only watches on it still gets its crash line. The standard library watches threads it serves (a
 * mutex its waiters, a pipeline its stages) without hiding their crashes from the program's author.
 *
 * <p>Invariants: a DONE strand is in no run queue and no wait queue, is not in the live list, has a
 * null body, and holds its exit reason in resumeValue; each monitor channel gets exactly one message.
 */
final class Exits {
    private Exits() {}

    static Channel monitor(Scheduler s, Strand t) {
        return listen(s, t, s.monitors);
    }

    static Channel watch(Scheduler s, Strand t) {
        return listen(s, t, s.watches);
    }

    /** A new exit channel for t, registered in {@code table} (monitors or watches). */
    private static Channel listen(Scheduler s, Strand t, HashMap<Strand, Object> table) {
        s.spend(CostModel.MONITOR);
        Channel ch = new Channel(s, 1);
        ch.receiveOnly("monitor(t)");
        if (t.state() == Strand.State.DONE) {
            ch.post(s.options.exitMessageFactory.exitMessage(t, t.resumeValue), t.core(), s.now());
        } else {
            Object monitors = table.get(t);
            if (monitors == null) {
                table.put(t, ch);
            } else if (monitors instanceof Channel first) {
                ArrayList<Channel> list = new ArrayList<>(2);
                list.add(first);
                list.add(ch);
                table.put(t, list);
            } else {
                @SuppressWarnings("unchecked")
                ArrayList<Channel> list = (ArrayList<Channel>) monitors;
                list.add(ch);
            }
        }
        return ch;
    }

    /**
     * Kills t for the current strand, at its turn (the builtin runs this through atOwnTurn): t ends when
     * the kill reaches its core, {@code latency} later, by a timer ({@link Timers#addKill}), so until
     * then it lives on, and may still receive; what it tries to do that others would see after that
     * time waits for its turn, which comes after the timer's. The current strand killing itself stops
     * at once: returns BLOCK, and the interpreter suspends it and {@link Scheduler#suspended} ends it.
     * With no current strand (the REPL stopping an input, from outside the machine) t ends at once.
     */
    static Object kill(Scheduler s, Strand t) {
        if (t.state() == Strand.State.DONE) return s.nil;
        Strand killer = s.current();
        if (killer == null) {
            killArrived(s, t, s.now() + s.lat(s.currentCore(), t.core()));
            return s.nil;
        }
        s.spend(CostModel.KILL);
        if (t == killer) {
            t.markKilled();
            s.endSlice(); // should the caller go on, its next charge notices
            return Scheduler.BLOCK;
        }
        s.killLater(t, s.now() + s.lat(s.currentCore(), t.core()));
        return s.nil;
    }

    /** A kill's timer fired: t ends now, at {@code at}, unless it has ended already. */
    static void killArrived(Scheduler s, Strand t, long at) {
        if (t.state() == Strand.State.DONE) return;
        t.markKilled();
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
        s.ended(t, at);
        if (s.trace != null) s.trace.ended(t, at);
        notify(s, t, reason, at, s.monitors.remove(t));
        notify(s, t, reason, at, s.watches.remove(t));
    }

    /** Posts t's exit message to each of its monitors (or watches): a Channel, a list of them, or null. */
    private static void notify(Scheduler s, Strand t, Object reason, long at, Object monitors) {
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
        Core c = s.cores[t.core()];
        if (c.atTurn == t) {
            c.atTurn = null; // what it waited to do never happens
            s.closeTurnSlice(c, t);
        } else if (t.waitOn instanceof WaitQueue q) {
            q.remove(t);
        } else if (t.waitOn instanceof ChoiceWaiter[]) {
            ChoiceWaiter.claim(s, t, null);
        } else if (t.state() == Strand.State.RUNNABLE || t.state() == Strand.State.BLOCKED) {
            c.runq.remove(t); // runnable, asleep, or blocked forever: O(queue length), kills are rare
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
