package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Channel semantics (Go's): FIFO waiters, direct hand-off, buffering, close. One rule per test. */
class ChannelTest {

    @Test
    void blockedReceiversAreServedFirstComeFirstServed() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        sim.main(
                (t, in) -> {
                    for (int i = 0; i < 3; i++) sim.start(i % 2, sim.sleep(1000L * (i + 1)), sim.recv(c), sim.log("got"));
                    return in;
                },
                sim.sleep(10_000),
                sim.send(c, "a"), sim.send(c, "b"), sim.send(c, "c"));
        sim.run();
        assertEquals(List.of("2 got a", "3 got b", "4 got c"), sim.log.stream().sorted().toList());
    }

    @Test
    void blockedSendersAreServedFirstComeFirstServed() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 0);
        sim.main(
                (t, in) -> {
                    for (int i = 0; i < 3; i++) sim.start(1, sim.sleep(1000L * (i + 1)), sim.send(c, "v" + i));
                    return in;
                },
                sim.sleep(10_000),
                sim.recv(c), sim.log("got"), sim.recv(c), sim.log("got"), sim.recv(c), sim.log("got"));
        sim.run();
        assertEquals(List.of("1 got v0", "1 got v1", "1 got v2"), sim.log);
    }

    @Test
    void aSendHandsTheValueStraightToAWaitingReceiver() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 4);
        sim.main(
                (t, in) -> sim.start(0, sim.recv(c), sim.log("got")),
                sim.sleep(1000),
                sim.send(c, 7),
                (t, in) -> {
                    sim.log.add("length " + c.length());
                    return in;
                });
        sim.run();
        assertEquals(List.of("length 0", "2 got 7"), sim.log);
    }

    @Test
    void bufferedSendsCompleteUntilFullThenBlockAndKeepOrder() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 2);
        sim.main(
                sim.send(c, 1), sim.log("send1"), sim.send(c, 2), sim.log("send2"),
                (t, in) -> sim.start(0, sim.recv(c), sim.log("got"), sim.recv(c), sim.log("got"), sim.recv(c), sim.log("got")),
                sim.send(c, 3), sim.log("send3"));
        sim.run();
        assertEquals(List.of("1 send1 DONE", "1 send2 DONE", "2 got 1", "2 got 2", "2 got 3", "1 send3 DONE"),
                sim.log.stream().filter(l -> !l.contains("x")).toList());
    }

    @Test
    void closeWakesReceiversWithNilAndSendersWithClosed() {
        Sim sim = Sim.uniform(2);
        Channel r = new Channel(sim.s, 0);
        Channel w = new Channel(sim.s, 0);
        sim.main(
                (t, in) -> {
                    sim.start(1, sim.recv(r), (u, v) -> {
                        sim.log.add("recv " + v + " ok=" + u.recvOk());
                        return v;
                    });
                    return sim.start(1, sim.send(w, 5), sim.log("send"));
                },
                sim.sleep(10_000),
                (t, in) -> {
                    r.close();
                    w.close();
                    return in;
                });
        sim.run();
        assertEquals(List.of("3 send CLOSED", "recv nil ok=false"), sim.log.stream().sorted().toList());
    }

    @Test
    void aClosedBufferedChannelDrainsThenReportsClosed() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 3);
        sim.main(sim.send(c, 1), sim.send(c, 2), (t, in) -> {
            c.close();
            for (int i = 0; i < 3; i++) {
                Object v = c.receive();
                sim.log.add(v + " " + t.recvOk());
            }
            return in;
        });
        sim.run();
        assertEquals(List.of("1 true", "2 true", "nil false"), sim.log);
        assertTrue(c.isClosed());
    }

    @Test
    void closingTwiceAndSendingOnAClosedChannelAreErrors() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 1);
        sim.main((t, in) -> {
            c.close();
            assertEquals("close of closed channel", assertThrows(ChanRuntimeError.class, c::close).getMessage());
            assertEquals("send on closed channel", assertThrows(ChanRuntimeError.class, () -> c.send(1)).getMessage());
            return in;
        });
        sim.run();
        assertTrue(sim.s.mainDone());
    }

    @Test
    void aReceiveOnAClosedChannelReturnsTheInterpretersNil() {
        Object nil = new Object();
        Sim sim = new Sim(Machine.preset("uniform", 1), 1, new SchedulerOptions().nil(nil));
        Channel c = new Channel(sim.s, 0);
        sim.main((t, in) -> {
            c.close();
            assertSame(nil, c.receive());
            return in;
        });
        sim.run();
    }

    @Test
    void channelIdsAreSequentialAndCapacityIsChecked() {
        Sim sim = Sim.uniform(1);
        assertEquals(1, new Channel(sim.s, 0).id());
        assertEquals(2, new Channel(sim.s, 5).id());
        assertEquals(5, new Channel(sim.s, 5).capacity());
        assertThrows(ChanRuntimeError.class, () -> new Channel(sim.s, -1));
    }

    @Test
    void aLargeBufferGrowsOnDemandAndKeepsFifoOrder() {
        Sim sim = Sim.uniform(1);
        Channel c = new Channel(sim.s, 1_000_000);
        sim.main((t, in) -> {
            for (int i = 0; i < 100; i++) assertSame(Channel.DONE, c.send(i));
            for (int i = 0; i < 50; i++) assertEquals(i, c.receive());
            for (int i = 100; i < 200; i++) c.send(i);
            for (int i = 50; i < 200; i++) assertEquals(i, c.receive());
            return in;
        });
        sim.run();
        assertEquals(0, c.length());
    }
}
