package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** choose: uniform random pick among ready options, default, guards, blocking and exactly-once commit. */
class ChooseTest {

    /** Runs `trials` chooses over `k` always-ready buffered channels; returns how often each was picked. */
    private static int[] picks(long seed, int k, int trials) {
        Sim sim = new Sim(Machine.preset("uniform", 1), seed);
        int[] counts = new int[k];
        Channel[] chans = new Channel[k];
        for (int i = 0; i < k; i++) chans[i] = new Channel(sim.s, 1);
        sim.main((t, in) -> {
            ChooseCase[] cases = new ChooseCase[k];
            for (int i = 0; i < k; i++) cases[i] = ChooseCase.recv(chans[i], true);
            for (int n = 0; n < trials; n++) {
                for (Channel c : chans) if (c.length() == 0) c.send(n);
                Object r = Choose.select(sim.s, cases, false);
                counts[(Integer) r]++;
            }
            return in;
        });
        sim.run();
        return counts;
    }

    @Test
    void readyOptionsArePickedUniformly() {
        for (long seed = 1; seed <= 5; seed++) {
            int[] counts = picks(seed, 4, 4000);
            double chi2 = 0;
            for (int c : counts) chi2 += (c - 1000.0) * (c - 1000.0) / 1000.0;
            assertTrue(chi2 < 16.27, "chi-square " + chi2 + " too large for seed " + seed); // df 3, p = 0.001
        }
    }

    @Test
    void prioritisedPicksTheFirstReadyOptionAndDrawsNothing() {
        Sim sim = new Sim(Machine.preset("uniform", 1), 3);
        Sim reference = new Sim(Machine.preset("uniform", 1), 3);
        Channel a = new Channel(sim.s, 10);
        Channel b = new Channel(sim.s, 10);
        Channel c = new Channel(sim.s, 10);
        List<Object> picked = new ArrayList<>();
        sim.main((t, in) -> {
            b.send(1);
            c.send(2);
            ChooseCase[] cases = {ChooseCase.recv(a, true), ChooseCase.recv(b, true), ChooseCase.recv(c, true)};
            for (int n = 0; n < 2; n++) picked.add(Choose.select(sim.s, cases, false, true));
            picked.add(Choose.select(sim.s, cases, true, true)); // all empty now: default
            picked.add(sim.s.random(1_000_000));
            return in;
        });
        sim.run();
        reference.main((t, in) -> {
            picked.add(reference.s.random(1_000_000));
            return in;
        });
        reference.run();
        assertEquals(List.of(1, 2, Choose.DEFAULT), picked.subList(0, 3));
        assertEquals(picked.get(4), picked.get(3), "a prioritised choose consumed no random numbers");
    }

    @Test
    void differentSeedsPickDifferentlyAndTheSameSeedIdentically() {
        assertEquals(List.of(sequence(7)), List.of(sequence(7)));
        assertNotEquals(List.of(sequence(7)), List.of(sequence(8)));
    }

    private static String sequence(long seed) {
        Sim sim = new Sim(Machine.preset("uniform", 1), seed);
        Channel a = new Channel(sim.s, 100);
        Channel b = new Channel(sim.s, 100);
        StringBuilder out = new StringBuilder();
        sim.main((t, in) -> {
            for (int i = 0; i < 50; i++) {
                a.send(i);
                b.send(i);
            }
            ChooseCase[] cases = {ChooseCase.recv(a, true), ChooseCase.recv(b, true)};
            for (int i = 0; i < 50; i++) out.append(Choose.select(sim.s, cases, false));
            return in;
        });
        sim.run();
        return out.toString();
    }

    @Test
    void defaultIsTakenOnlyWhenNothingIsReady() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 1);
        sim.main((t, in) -> {
            ChooseCase[] cases = {ChooseCase.recv(c, true)};
            assertEquals(Choose.DEFAULT, Choose.select(sim.s, cases, true));
            c.send(9);
            assertEquals(0, Choose.select(sim.s, cases, true));
            assertEquals(9, cases[0].value);
            assertTrue(t.recvOk());
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void disabledOptionsAndNilChannelsAreNeverChosen() {
        Sim sim = Sim.uniform(1);
        Channel ready = new Channel(sim.s, 1);
        Channel other = new Channel(sim.s, 1);
        sim.main((t, in) -> {
            ChooseCase[] cases = {ChooseCase.recv(ready, false), ChooseCase.recv(null, true), ChooseCase.recv(other, true)};
            for (int i = 0; i < 20; i++) {
                if (ready.length() == 0) ready.send(1);
                other.send(2);
                assertEquals(2, Choose.select(sim.s, cases, false));
            }
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void aChooseWithNoEnabledOptionBlocksForeverAndIsADeadlock() {
        Sim sim = Sim.uniform(1);
        sim.main((t, in) -> {
            t.blockSite = "choose at t.chan:3:1";
            return Choose.select(sim.s, new ChooseCase[] {ChooseCase.recv(null, true)}, false);
        });
        sim.run();
        DeadlockReport r = sim.s.deadlockReport();
        assertNotNull(r);
        assertEquals("  thread 1 (main) on core 0: choose at t.chan:3:1\n", r.format());
    }

    @Test
    void aBlockedChooseWakesOnTheFirstChannelWithTheIndexAndValue() {
        Sim sim = Sim.uniform(2);
        Channel a = new Channel(sim.s, 0);
        Channel b = new Channel(sim.s, 0);
        ChooseCase[] cases = {ChooseCase.recv(a, true), ChooseCase.recv(b, true)};
        sim.main(
                (t, in) -> sim.start(1, sim.sleep(5000), sim.send(b, "hi")),
                (t, in) -> Choose.select(sim.s, cases, false),
                (t, in) -> {
                    sim.log.add("index " + in + " value " + cases[(Integer) in].value + " ok " + t.recvOk());
                    return in;
                });
        sim.run();
        assertEquals(List.of("index 1 value hi ok true"), sim.log);
        assertTrue(a.recvq.isEmpty(), "the losing option was withdrawn");
    }

    @Test
    void underContentionEachBlockedChooseCommitsExactlyOnce() {
        Sim sim = Sim.uniform(4);
        Channel a = new Channel(sim.s, 0);
        Channel b = new Channel(sim.s, 0);
        Channel c = new Channel(sim.s, 2);
        List<Integer> received = new ArrayList<>();
        List<Sim.Step> mainSteps = new ArrayList<>();
        mainSteps.add((t, in) -> {
            for (int i = 0; i < 6; i++) {
                ChooseCase[] cases = {ChooseCase.recv(a, true), ChooseCase.recv(b, true), ChooseCase.recv(c, true), ChooseCase.recv(a, true)};
                sim.start(i % 4,
                        (u, v) -> Choose.select(sim.s, cases, false),
                        (u, v) -> {
                            sim.log.add("thread " + u.id() + " chose " + v);
                            received.add((Integer) cases[(Integer) v].value);
                            return v;
                        });
            }
            return in;
        });
        mainSteps.add(sim.sleep(20_000));
        for (int i = 0; i < 6; i++) mainSteps.add(sim.send(i % 3 == 0 ? a : i % 3 == 1 ? b : c, i));
        sim.main(mainSteps);
        sim.run();
        assertEquals(6, sim.log.size(), sim.log.toString());
        assertEquals(6, sim.log.stream().map(l -> l.split(" ")[1]).distinct().count(), "one commit per thread");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), received.stream().sorted().toList());
        for (Channel ch : new Channel[] {a, b, c}) {
            assertTrue(ch.recvq.isEmpty() && ch.sendq.isEmpty(), "every losing waiter withdrawn from " + ch);
        }
        assertEquals(0, sim.s.liveThreads());
    }

    @Test
    void aSecondClaimOfTheSameChooseIsAnInternalError() {
        Sim sim = Sim.uniform(1);
        Channel a = new Channel(sim.s, 0);
        Channel b = new Channel(sim.s, 0);
        Strand[] chooser = new Strand[1];
        sim.main((t, in) -> {
            chooser[0] = t;
            return Choose.select(sim.s, new ChooseCase[] {ChooseCase.recv(a, true), ChooseCase.recv(b, true)}, false);
        });
        sim.run();
        ChoiceWaiter first = (ChoiceWaiter) a.recvq.poll();
        first.complete(sim.s, "x", true, 0);
        assertTrue(b.recvq.isEmpty());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> first.complete(sim.s, "y", true, 0));
        assertTrue(e.getMessage().contains("claimed twice"));
        assertSame(0, chooser[0].resumeValue);
    }

    @Test
    void aSendOptionWhoseChannelIsClosedWhileWaitingResumesWithClosed() {
        Sim sim = Sim.uniform(1);
        Channel out = new Channel(sim.s, 0);
        sim.main(
                (t, in) -> sim.start(0, sim.sleep(1000), (u, v) -> {
                    out.close();
                    return v;
                }),
                (t, in) -> Choose.select(sim.s, new ChooseCase[] {ChooseCase.send(out, 1, true)}, false),
                sim.log("resumed"));
        sim.run();
        assertEquals(List.of("1 resumed CLOSED"), sim.log);
    }

    @Test
    void aReadySendOptionOnAClosedChannelIsAnError() {
        Sim sim = Sim.uniform(1);
        Channel out = new Channel(sim.s, 0);
        sim.main((t, in) -> {
            out.close();
            return Choose.select(sim.s, new ChooseCase[] {ChooseCase.send(out, 1, true)}, true);
        });
        sim.run();
        assertEquals("1 error send on closed channel", sim.log.get(0));
    }

    @Test
    void aSendOptionCompletesARendezvous() {
        Sim sim = Sim.uniform(2);
        Channel out = new Channel(sim.s, 0);
        sim.main(
                (t, in) -> sim.start(1, sim.recv(out), sim.log("got")),
                sim.sleep(5000),
                (t, in) -> Choose.select(sim.s, new ChooseCase[] {ChooseCase.send(out, "v", true)}, true),
                sim.log("chose"));
        sim.run();
        assertEquals(List.of("1 chose 0", "2 got v"), sim.log.stream().sorted().toList());
    }

    @Test
    void aBlockedSendOptionCompletesWhenAReceiverArrives() {
        Sim sim = Sim.uniform(2);
        Channel out = new Channel(sim.s, 0);
        Channel never = new Channel(sim.s, 0);
        sim.main(
                (t, in) -> sim.start(1, sim.sleep(5000), sim.recv(out), sim.log("got")),
                (t, in) -> Choose.select(sim.s,
                        new ChooseCase[] {ChooseCase.recv(never, true), ChooseCase.send(out, "v", true)}, false),
                (t, in) -> {
                    sim.log.add("chose " + in);
                    return in;
                });
        sim.run();
        assertEquals(List.of("2 got v", "chose 1"), sim.log);
        assertTrue(never.recvq.isEmpty());
    }
}
