package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operations other cores can see happen in virtual-time order (Scheduler.atOwnTurn): a strand that
 * ran ahead of another core waits, at the head of its own core, until no core can act earlier.
 */
class OwnTurnTest {
    @Test
    void aSendFromACoreThatRanAheadComesAfterAnEarlierChooseOnAnotherCore() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 1);
        sim.main((t, in) -> {
            sim.start(1, sim.charge(5000), sim.send(c, "late"), sim.logTime("sent"));
            return in;
        }, sim.sleep(1000), (t, in) -> Choose.select(sim.s, new ChooseCase[] {ChooseCase.recv(c, true)}, true),
                sim.logTime("chose"), sim.recv(c), sim.logTime("received"));
        sim.run();
        // The choose at ~1000 finds nothing (default, -1), though core 1's stretch to ~5600 ran first.
        assertEquals(List.of("1 chose -1", "2 sent DONE", "1 received late"),
                sim.log.stream().map(line -> line.replaceAll(" @\\d+$", "")).toList());
        assertEquals(1, sim.s.stats().cores().get(1).runs(), "waiting for its turn is no new run");
    }

    @Test
    void waitersAcrossCoresAreServedInVirtualTimeOrder() {
        Sim sim = Sim.uniform(3);
        Channel c = new Channel(sim.s, 0);
        sim.main((t, in) -> {
            sim.start(2, sim.charge(5000), sim.recv(c), sim.log("ahead got"));
            sim.start(1, sim.sleep(2000), sim.recv(c), sim.log("behind got"));
            return in;
        }, sim.sleep(20_000), sim.send(c, "first"), sim.send(c, "second"));
        sim.run();
        assertEquals(List.of("3 behind got first", "2 ahead got second"), sim.log);
    }

    @Test
    void anOperationThatFailsAtItsTurnResumesWithTheFailure() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 4);
        sim.main((t, in) -> {
            sim.start(1, sim.sleep(1000), (u, v) -> c.close());
            return in;
        }, sim.charge(5000), sim.send(c, 1), (t, in) -> {
            sim.log.add(t.id() + " resumed with " + in);
            return in;
        });
        sim.run();
        assertEquals(List.of("1 resumed with DeferredFailure[error=chan.runtime.ChanRuntimeError: send on closed channel]"), sim.log);
    }

    @Test
    void aStrandOnTheEarliestCoreGoesAtOnce() {
        Sim sim = Sim.uniform(2);
        Channel c = new Channel(sim.s, 1);
        Object[] result = new Object[1];
        sim.main((t, in) -> {
            sim.start(1, sim.sleep(100_000));
            result[0] = c.send(1); // core 1 starts later than main's clock: nothing earlier can happen
            return in;
        });
        sim.run();
        assertEquals(Channel.DONE, result[0]);
    }
}
