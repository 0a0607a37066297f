package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Strand lifecycle: ids, spawn errors, monitors, kill, crashes, leaks, and the deadlock report. */
class LifecycleTest {

    @Test
    void idsAreSequentialFromOneForMain() {
        Sim sim = Sim.uniform(2);
        Strand main = sim.main((t, in) -> {
            assertEquals(2, sim.start(1).id());
            assertEquals(3, sim.start(0).id());
            return in;
        });
        assertEquals(1, main.id());
        assertEquals(0, main.core());
        sim.run();
        assertEquals(Strand.State.DONE, main.state());
        assertEquals("normal", main.exitReason());
    }

    @Test
    void spawningOnAMissingCoreOrPastTheLimitIsAnError() {
        Sim sim = new Sim(Machine.preset("uniform", 4), 1, new SchedulerOptions().maxThreads(2));
        sim.main((t, in) -> {
            assertEquals("core 9 out of range 0..3", assertThrows(ChanRuntimeError.class, () -> sim.start(9)).getMessage());
            sim.start(1);
            assertEquals("too many threads (limit 2)", assertThrows(ChanRuntimeError.class, () -> sim.start(1)).getMessage());
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void aMonitorReceivesTheExitMessageWhenTheThreadEnds() {
        Sim sim = Sim.uniform(2);
        sim.main((t, in) -> sim.s.monitor(sim.start(1, sim.sleep(100))).receive(), sim.log("exit"));
        sim.run();
        assertEquals(List.of("1 exit [exit, thread 2, normal]"), sim.log);
    }

    @Test
    void monitoringAnEndedThreadDeliversAtOnce() {
        Sim sim = Sim.uniform(1);
        Strand[] w = new Strand[1];
        sim.main((t, in) -> w[0] = sim.start(0), sim.sleep(1000), (t, in) -> {
            assertEquals(Strand.State.DONE, w[0].state());
            return sim.s.monitor(w[0]).receive();
        }, sim.log("exit"));
        sim.run();
        assertEquals(List.of("1 exit [exit, thread 2, normal]"), sim.log);
    }

    @Test
    void aCrashIsReportedToMonitorsOrElseFlaggedUnmonitored() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        Sim.Step crash = (t, in) -> {
            c.close(); // the second thread to get here closes a closed channel
            return in;
        };
        sim.main((t, in) -> {
            sim.start(1, sim.sleep(10), crash);
            return sim.s.monitor(sim.start(1, sim.sleep(20), crash)).receive();
        }, sim.log("exit"));
        sim.run();
        assertEquals(List.of("3 error close of closed channel",
                "1 exit [exit, thread 3, error: close of closed channel]"), sim.log);
        assertEquals(1, sim.s.stats().crashes());
    }

    /** A watch hears of the crash as a monitor does, but leaves it flagged unmonitored: its line is printed. */
    @Test
    void aWatchHearsOfACrashWithoutTakingIt() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        c.close();
        Sim.Step crash = (t, in) -> {
            c.close();
            return in;
        };
        sim.main((t, in) -> sim.s.watch(sim.start(1, sim.sleep(20), crash)).receive(), sim.log("exit"));
        sim.run();
        assertEquals(List.of("2 error close of closed channel", "thread 2 crashed unmonitored",
                "1 exit [exit, thread 2, error: close of closed channel]"), sim.log);
    }

    /** A thread waiting on watch(u) waits for u, as on monitor(u). */
    @Test
    void aWatchChannelWaitsForTheThreadItWatches() {
        assertWaitsForTheThreadListenedTo((s, worker) -> s.watch(worker));
    }

    @Test
    void killingABlockedThreadWithdrawsItAndNotifiesMonitors() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        Strand[] w = new Strand[1];
        sim.main((t, in) -> {
            w[0] = sim.start(1, sim.recv(c), sim.log("never"));
            return in;
        }, sim.sleep(1000), (t, in) -> {
            assertEquals(Strand.State.BLOCKED, w[0].state());
            Channel m = sim.s.monitor(w[0]);
            sim.s.kill(w[0]);
            assertFalse(c.recvq.isEmpty(), "it waits on until the kill reaches its core");
            assertFalse(sim.s.isKilled(w[0]));
            return m.receive();
        }, sim.log("exit"), (t, in) -> {
            assertTrue(c.recvq.isEmpty(), "the kill withdrew it");
            return c.send(1) == Scheduler.BLOCK ? "blocked" : "sent";
        }, sim.log("send"));
        sim.run();
        assertEquals(List.of("1 exit [exit, thread 2, killed]", "1 send blocked"), sim.log);
        assertEquals(Strand.State.DONE, w[0].state());
    }

    @Test
    void aKillEndsItsTargetWhenItReachesTheTargetsCore() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        Strand[] w = new Strand[1];
        long[] killedAt = new long[1];
        sim.main((t, in) -> {
            w[0] = sim.start(1, sim.recv(c), sim.log("received"));
            return in;
        }, sim.sleep(1000), (t, in) -> {
            killedAt[0] = sim.s.now();
            sim.s.kill(w[0]);
            return sim.s.monitor(w[0]);
        }, (t, in) -> ((Channel) in).receive(), sim.logTime("exit"));
        sim.run();
        long lands = killedAt[0] + CostModel.KILL + sim.s.machine().lat(0, 1);
        long heard = lands + sim.s.machine().lat(1, 0);
        assertEquals(List.of("1 exit [exit, thread 2, killed] @" + heard), sim.log);
    }

    @Test
    void killingAThreadInAChooseWithdrawsEveryOption() {
        Sim sim = Sim.uniform(2);
        Channel a = new Channel(sim.s, 0);
        Channel b = new Channel(sim.s, 0);
        Strand[] w = new Strand[1];
        sim.main((t, in) -> w[0] = sim.start(1, (u, v) -> Choose.select(sim.s,
                new ChooseCase[] {ChooseCase.recv(a, true), ChooseCase.send(b, 1, true)}, false)),
                sim.sleep(1000), (t, in) -> {
                    sim.s.kill(w[0]);
                    return in;
                });
        sim.run();
        assertTrue(a.recvq.isEmpty() && b.sendq.isEmpty());
        assertEquals("killed", w[0].exitReason());
    }

    @Test
    void killingARunnableOrSleepingThreadTakesItOffTheRunQueue() {
        Sim sim = Sim.uniform(1);
        sim.main((t, in) -> {
            sim.s.kill(sim.start(0, sim.log("never ran")));
            Strand sleeper = sim.start(0, sim.sleep(1000), sim.log("never woke")); // the kill lands first
            return in;
        }, sim.sleep(50), (t, in) -> {
            sim.s.kill(sim.s.live.stream().filter(x -> x.id() == 3).findFirst().orElseThrow());
            return in;
        });
        sim.run();
        assertEquals(List.of(), sim.log);
        assertEquals(0, sim.s.liveThreads());
    }

    @Test
    void aThreadThatKillsItselfIsOnlyMarkedAndEndedByTheInterpreter() {
        Sim sim = Sim.uniform(1);
        Strand main = sim.main((t, in) -> {
            sim.s.kill(t);
            assertSame(Strand.State.RUNNING, t.state());
            return in;
        }, sim.log("not reached"));
        sim.run();
        assertEquals("killed", main.exitReason());
        assertEquals(List.of(), sim.log);
    }

    @Test
    void aThreadThatKillsItselfYieldsAtItsNextChargeAndEnds() {
        Sim sim = Sim.uniform(1);
        Strand[] w = new Strand[1];
        sim.main((t, in) -> {
            w[0] = sim.start(0, (u, v) -> {
                sim.s.kill(u);
                return sim.s.charge(1) ? sim.s.yieldCurrent() : v;
            }, sim.log("not reached"));
            return sim.s.monitor(w[0]).receive();
        }, sim.log("exit"));
        sim.run();
        assertEquals(List.of("1 exit [exit, thread 2, killed]"), sim.log);
    }

    @Test
    void threadsStillBlockedWhenMainEndsAreLeaked() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        sim.main((t, in) -> sim.start(1, sim.recv(c)), sim.sleep(1000));
        sim.run(true);
        assertTrue(sim.s.mainDone());
        assertEquals(List.of(2), sim.s.leaked().stream().map(Strand::id).toList());
    }

    @Test
    void theDeadlockReportListsBlockedThreadsAndTheWaitForCycle() {
        // Two philosophers, two forks (buffered channels holding one token each): each takes one fork,
        // then waits for the fork the other took.
        Sim sim = Sim.uniform(2);
        Channel f1 = new Channel(sim.s, 1);
        Channel f2 = new Channel(sim.s, 1);
        Channel done = new Channel(sim.s, 0);
        sim.main(sim.send(f1, "fork"), sim.send(f2, "fork"), (t, in) -> {
            sim.start(0, sim.recv(f1), sim.sleep(1000), site("receive at p.chan:4:9"), sim.recv(f2));
            sim.start(1, sim.recv(f2), sim.sleep(1000), site("receive at p.chan:8:9"), sim.recv(f1));
            return in;
        }, site("receive at p.chan:12:1"), sim.recv(done));
        assertNull(sim.s.deadlockReport(), "main is runnable");
        sim.run();
        DeadlockReport r = sim.s.deadlockReport();
        assertNotNull(r);
        assertEquals(List.of(List.of(2, 3)), r.cycles());
        assertEquals(String.join("\n",
                "  thread 1 (main) on core 0: receive at p.chan:12:1",
                "  thread 2 on core 0: receive at p.chan:4:9",
                "  thread 3 on core 1: receive at p.chan:8:9",
                "  cycle: thread 2 -> thread 3 -> thread 2", ""), r.format());
    }

    /** With a view into the bodies, the cycle comes from who holds what now, though no operation ever completed. */
    @Test
    void aCycleOfThreadsThatNeverCompletedAnOperationIsFoundThroughWhatTheyHold() {
        Sim sim = Sim.seeingHeldValues(2);
        Channel a = new Channel(sim.s, 0);
        Channel b = new Channel(sim.s, 0);
        Channel done = new Channel(sim.s, 0);
        Strand main = sim.main((t, in) -> {
            Sim.holds(sim.start(0, site("receive at p.chan:3:9"), sim.recv(a)), List.of(b));    // b inside a list it holds
            Sim.holds(sim.start(1, site("receive at p.chan:4:9"), sim.recv(b)), a);
            Sim.holds(sim.start(1, site("receive at p.chan:5:9"), sim.recv(a)), b);              // blocked as thread 2 is
            return in;
        }, site("receive at p.chan:9:1"), sim.recv(done));
        Sim.holds(main, a, b, done);
        sim.run();
        DeadlockReport r = sim.s.deadlockReport();
        assertNotNull(r);
        assertEquals(List.of(List.of(2, 3)), r.cycles(), r.format());
        assertEquals(List.of(1, 3), r.waitsFor(2), "thread 2 waits for the holders of a, not for thread 4, blocked on a too");
        assertEquals(List.of(1, 2, 4), r.waitsFor(3), "thread 3 waits for the holders of b");
        assertEquals(List.of(1, 3), r.waitsFor(4));
        assertEquals(List.of(), r.waitsFor(1), "no one else holds done");
        assertEquals(List.of(), r.waitsFor(99), "no such thread");
    }

    /** A thread waiting on monitor(u) waits for u, whose end would send on it, held or not. */
    @Test
    void aMonitorChannelWaitsForTheThreadItWatches() {
        assertWaitsForTheThreadListenedTo((s, worker) -> s.monitor(worker));
    }

    /** Main waits on the channel {@code listen} gives for a worker blocked for ever: the deadlock report has main waiting for it. */
    private static void assertWaitsForTheThreadListenedTo(java.util.function.BiFunction<Scheduler, Strand, Channel> listen) {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 0);
        sim.main((t, in) -> {
            Strand worker = sim.start(0, sim.recv(c));
            return listen.apply(sim.s, worker).receive();
        });
        sim.run();
        DeadlockReport r = sim.s.deadlockReport();
        assertNotNull(r);
        assertEquals(List.of(2), r.waitsFor(1), r.format());
    }

    @Test
    void thereIsNoDeadlockWhileATimerIsPending() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 0);
        sim.main((t, in) -> {
            sim.s.after(1000);
            return c.receive();
        });
        Strand t = sim.s.next();
        assertEquals(Scheduler.BLOCK, ((Sim.Script) t.body).steps.get(0).run(t, null));
        sim.s.suspended(t);
        assertNull(sim.s.deadlockReport(), "the timer may still wake something");
        assertNull(sim.s.next());
        assertNotNull(sim.s.deadlockReport());
    }

    private static Sim.Step site(String where) {
        return (t, in) -> {
            t.blockSite = where;
            return in;
        };
    }
}
