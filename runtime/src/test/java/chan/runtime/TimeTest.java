package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Virtual time: sleep and after, message latency by topology distance, rendezvous acks, preemption. */
class TimeTest {

    @Test
    void sleepResumesExactlyItsDurationLaterWithNil() {
        Sim sim = Sim.uniform(1);
        long[] t0 = new long[1];
        sim.main((t, in) -> {
            t0[0] = sim.s.now() + CostModel.TIMER;
            return sim.s.sleep(1000);
        }, (t, in) -> {
            assertEquals(t0[0] + 1000, sim.s.now());
            assertEquals("nil", in);
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void afterDeliversItsFiringTimeAtThatTime() {
        Sim sim = Sim.uniform(1);
        long[] fire = new long[1];
        sim.main((t, in) -> {
            Channel c = sim.s.after(500);
            fire[0] = sim.s.now() + 500;
            return c.receive();
        }, (t, in) -> {
            assertEquals(fire[0], in);
            assertEquals(fire[0] + sim.s.machine().latency(0, 0), sim.s.now());
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void aChooseTimesOutThroughAnAfterChannel() {
        Sim sim = Sim.uniform(1);
        Channel never = new Channel(sim.s, 0);
        sim.main((t, in) -> Choose.select(sim.s,
                new ChooseCase[] {ChooseCase.recv(never, true), ChooseCase.recv(sim.s.after(300), true)}, false),
                sim.log("chose"));
        sim.run();
        assertEquals(List.of("1 chose 1"), sim.log);
        assertTrue(never.recvq.isEmpty());
    }

    /** Round trip from core 0 to an echo server on `core` and back, on amd-8x4. */
    private static long roundTrip(int core) {
        Sim sim = new Sim(Machine.preset("amd-8x4"), 1);
        Channel req = new Channel(sim.s, 0);
        Channel resp = new Channel(sim.s, 0);
        long[] times = new long[2];
        sim.main(
                (t, in) -> sim.start(core, sim.recv(req), (u, v) -> resp.send(v)),
                sim.sleep(10_000),
                (t, in) -> {
                    times[0] = sim.s.now();
                    return req.send("ping");
                },
                sim.recv(resp),
                (t, in) -> {
                    times[1] = sim.s.now();
                    return in;
                });
        sim.run();
        return times[1] - times[0];
    }

    @Test
    void roundTripsGrowWithTopologyDistanceOnAmd8x4() {
        long samePackage = roundTrip(1);
        long oneHop = roundTrip(4);
        long twoHops = roundTrip(12);
        long threeHops = roundTrip(28);
        assertTrue(samePackage < oneHop && oneHop < twoHops && twoHops < threeHops,
                samePackage + " " + oneHop + " " + twoHops + " " + threeHops);
        // send + receive costs, and the request and its acknowledgement crossing once each way.
        assertEquals(CostModel.SEND + CostModel.RECEIVE + 2 * 75, samePackage);
        assertEquals(CostModel.SEND + CostModel.RECEIVE + 2 * 190, oneHop);
        assertEquals(CostModel.SEND + CostModel.RECEIVE + 2 * 260, twoHops);
        assertEquals(CostModel.SEND + CostModel.RECEIVE + 2 * 330, threeHops);
    }

    @Test
    void aBufferedItemIsNotVisibleOnAnotherCoreBeforeTheLatency() {
        Sim sim = new Sim(Machine.preset("amd-8x4"), 1);
        Channel c = new Channel(sim.s, 4);
        long[] sent = new long[1];
        List<Long> seen = new ArrayList<>();
        sim.main(
                (t, in) -> sim.start(4, sim.recv(c), (u, v) -> {
                    seen.add(sim.s.now());
                    return v;
                }),
                sim.sleep(10_000),
                (t, in) -> {
                    Object r = c.send(1);
                    sent[0] = sim.s.now();
                    return r;
                });
        sim.run();
        assertEquals(List.of(sent[0] + 190), seen);
    }

    @Test
    void aRendezvousSenderWaitsForTheAcknowledgementButABufferedSenderDoesNot() {
        for (int cap : new int[] {0, 1}) {
            Sim sim = new Sim(Machine.preset("amd-8x4"), 1);
            Channel c = new Channel(sim.s, cap);
            long[] t0 = new long[1];
            sim.main(
                    (t, in) -> sim.start(4, sim.recv(c)),
                    sim.sleep(10_000),
                    (t, in) -> {
                        t0[0] = sim.s.now();
                        return c.send(1);
                    },
                    (t, in) -> {
                        sim.log.add("cap " + cap + " took " + (sim.s.now() - t0[0]));
                        return in;
                    });
            sim.run();
            long expected = cap == 0 ? CostModel.SEND + 2 * 190 : CostModel.SEND;
            assertEquals(List.of("cap " + cap + " took " + expected), sim.log);
        }
    }

    @Test
    void aSpawnedThreadStartsOnceTheRequestReachesItsCore() {
        Sim sim = new Sim(Machine.preset("amd-8x4"), 1);
        long[] t = new long[2];
        sim.main((self, in) -> {
            sim.start(12, (u, v) -> {
                t[1] = sim.s.now();
                return v;
            });
            t[0] = sim.s.now();
            return in;
        });
        sim.run();
        assertEquals(t[0] + 260 + CostModel.CONTEXT_SWITCH, t[1]);
    }

    @Test
    void aStrandIsPreemptedAfterItsQuantumWhenAnotherIsReadyOnItsCore() {
        Sim sim = new Sim(Machine.preset("uniform", 1), 1, new SchedulerOptions().quantum(3000));
        sim.main((t, in) -> {
            for (int i = 0; i < 2; i++) sim.start(0, Sim.repeat(9, List.of(sim.charge(1000), sim.log("step"))));
            return in;
        });
        sim.run();
        String order = String.join("", sim.log.stream().map(l -> l.split(" ")[0]).toList());
        assertEquals(18, order.length());
        assertFalse(order.contains("2222") || order.contains("3333"), order); // at most one quantum in a row
        assertTrue(order.replaceAll("(.)\\1*", "$1").length() >= 6, order); // they alternate
    }

    @Test
    void aStrandAloneIsNotPreempted() {
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().quantum(100));
        sim.main((t, in) -> {
            for (int i = 0; i < 100; i++) assertFalse(sim.s.charge(1000));
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void aStrandIsPreemptedWhenAnotherCoreIsBehindIt() {
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().quantum(1000));
        sim.main((t, in) -> {
            sim.start(1, sim.log("other core ran"));
            boolean preempted = false;
            for (int i = 0; i < 10 && !preempted; i++) preempted = sim.s.charge(1000);
            assertTrue(preempted);
            return sim.s.yieldCurrent();
        }, sim.log("main resumed"));
        sim.run();
        assertEquals(List.of("2 other core ran null", "1 main resumed nil"), sim.log);
    }

    @Test
    void newsOfACloseTravelsAtTheLatencyToo() {
        Sim sim = new Sim(Machine.preset("amd-8x4"), 1);
        Channel c = new Channel(sim.s, 0);
        long[] closedAt = new long[1];
        sim.main((t, in) -> sim.start(12, sim.recv(c), sim.logTime("woke")), sim.sleep(10_000), (t, in) -> {
            c.close();
            closedAt[0] = sim.s.now();
            return in;
        });
        sim.run();
        assertEquals(List.of("2 woke nil @" + (closedAt[0] + 260)), sim.log);
    }
}
