package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --trace writes valid Chrome trace JSON (tracks per core, run slices, message flows); --stats counts. */
class TraceAndStatsTest {
    /** Strict: a duplicate key or text after the value fails the test; integers read as Longs. */
    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    @TempDir
    Path dir;

    /** Ping-pong between core 0 and core 1, five round trips, plus one local message. */
    private Sim pingPong(SchedulerOptions o) {
        Sim sim = new Sim(Machine.preset("amd-2x2"), 1, o);
        Channel ping = new Channel(sim.s, 0);
        Channel pong = new Channel(sim.s, 0);
        Channel local = new Channel(sim.s, 1);
        List<Sim.Step> main = new java.util.ArrayList<>();
        main.add((t, in) -> sim.start(2, Sim.repeat(5, List.of(sim.recv(ping), (u, v) -> pong.send(v)))));
        main.addAll(Sim.repeat(5, List.of(sim.send(ping, "x"), sim.recv(pong))));
        main.add(sim.send(local, 1));
        main.add(sim.recv(local));
        sim.main(main);
        return sim.run();
    }

    /** The trace's slices on core {@code core}, as (start, duration) pairs. */
    @SuppressWarnings("unchecked")
    private static List<List<Long>> slicesOn(Path file, long core) throws IOException {
        Map<String, Object> root = (Map<String, Object>) STRICT_JSON.readValue(Files.readString(file), Object.class);
        List<Map<String, Object>> events = (List<Map<String, Object>>) root.get("traceEvents");
        return events.stream().filter(e -> "X".equals(e.get("ph")) && Long.valueOf(core).equals(e.get("tid")))
                .map(e -> List.of((Long) e.get("ts"), (Long) e.get("dur"))).toList();
    }

    /**
     * Main's first step: it starts, on core 1, a thread that computes for 5 000 cycles and then sends,
     * so that the send waits for its turn behind main (on core 0, earlier); {@code ahead[0]} is that thread.
     */
    private static Sim.Step startsOneThatRunsAhead(Sim sim, Strand[] ahead) {
        Channel c = new Channel(sim.s, 1);
        return (t, in) -> {
            ahead[0] = sim.start(1, sim.charge(5000), sim.send(c, 1));
            return in;
        };
    }

    /** Core 1 has one slice in the trace, the whole of the run stopped for its turn. */
    private static void assertOneLongSliceOnCore1(Path file) throws IOException {
        List<List<Long>> core1 = slicesOn(file, 1);
        assertEquals(1, core1.size(), core1.toString());
        assertTrue(core1.get(0).get(1) >= 5000, core1.toString());
    }

    /**
     * The trace ends at the run's final time, main's end, as --stats does: the slice of a thread that
     * ran ahead past it is cut there (it reached ~5 500 before).
     */
    @Test
    void aSliceThatRanPastMainsEndIsCutAtTheFinalTime() throws IOException {
        Path file = dir.resolve("end.json");
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().traceFile(file));
        sim.main(startsOneThatRunsAhead(sim, new Strand[1]), sim.sleep(1000));
        sim.run(true); // main ends at ~1500, before the send's turn comes
        long end = sim.s.stats().finalTime();
        assertTrue(end < 2000, "final time " + end);
        List<List<Long>> core1 = slicesOn(file, 1);
        assertEquals(1, core1.size(), core1.toString());
        assertEquals(end, core1.get(0).get(0) + core1.get(0).get(1), core1.toString());
        for (List<Long> slice : slicesOn(file, 0)) assertTrue(slice.get(0) + slice.get(1) <= end, slice.toString());
    }

    /**
     * A value taken by a receiver that is killed before it runs again (core 1 is busy meanwhile): its
     * arrow ends on a "message dropped" slice of no length, on the receiver's core when the kill
     * landed, where before it had a start and no end.
     */
    @Test
    void theArrowOfAMessageToAKilledReceiverEndsWhereTheReceiverDied() throws IOException {
        Path file = dir.resolve("dropped.json");
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().traceFile(file));
        Channel c = new Channel(sim.s, 0);
        Strand[] receiver = new Strand[1];
        sim.main((t, in) -> {
            receiver[0] = sim.start(1, sim.recv(c), sim.log("received"));
            sim.start(1, sim.charge(5000)); // keeps core 1 busy until the kill has landed
            return in;
        }, sim.sleep(100), sim.send(c, "x"), (t, in) -> {
            sim.s.kill(receiver[0]);
            return in;
        }, sim.logTime("killed"), sim.sleep(10_000));
        sim.run();
        assertEquals("killed", receiver[0].exitReason());
        assertEquals(1, sim.log.size(), "the receiver never ran again: " + sim.log);
        List<Map<String, Object>> events = events(file);
        List<Map<String, Object>> dropped = events.stream().filter(e -> "message dropped".equals(e.get("name"))).toList();
        assertEquals(1, dropped.size(), dropped.toString());
        assertEquals(1L, dropped.get(0).get("tid"));
        assertEquals(0L, dropped.get(0).get("dur"));
        Map<String, Object> end = events.stream().filter(e -> "f".equals(e.get("ph"))).findFirst().orElseThrow();
        assertEquals(dropped.get(0).get("ts"), end.get("ts"), "the arrow ends on the dropped slice");
        assertEquals(1L, end.get("tid"));
        assertEquals(1, events.stream().filter(e -> "s".equals(e.get("ph"))).count());
    }

    /** The same for a receiver that is still waiting to run when main ends: its arrow ends at the final time. */
    @Test
    void theArrowOfAMessageNotReadWhenTheRunEndsEndsAtTheFinalTime() throws IOException {
        Path file = dir.resolve("unread.json");
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().traceFile(file));
        Channel c = new Channel(sim.s, 0);
        sim.main((t, in) -> {
            sim.start(1, sim.recv(c), sim.log("received"));
            sim.start(1, sim.charge(5000)); // keeps core 1 busy past main's end
            return in;
        }, sim.sleep(100), sim.send(c, "x"));
        sim.run(true);
        assertEquals(0, sim.log.size(), sim.log.toString());
        List<Map<String, Object>> events = events(file);
        Map<String, Object> dropped = events.stream().filter(e -> "message dropped".equals(e.get("name"))).findFirst().orElseThrow();
        assertEquals(sim.s.stats().finalTime(), dropped.get("ts"));
        assertEquals(1L, dropped.get("tid"));
        assertEquals(1, events.stream().filter(e -> "f".equals(e.get("ph"))).count());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Path file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) STRICT_JSON.readValue(Files.readString(file), Object.class);
        return (List<Map<String, Object>>) root.get("traceEvents");
    }

    @Test
    void aRunStoppedForItsTurnKeepsItsSliceWhenItIsKilled() throws IOException {
        Path file = dir.resolve("kill.json");
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().traceFile(file));
        Strand[] ahead = new Strand[1];
        sim.main(startsOneThatRunsAhead(sim, ahead), sim.sleep(1000), (t, in) -> {
            sim.s.kill(ahead[0]); // lands at ~1600, while the send waits for its turn at ~5600
            return in;
        }, sim.sleep(10_000));
        sim.run();
        assertEquals("killed", ahead[0].exitReason());
        assertOneLongSliceOnCore1(file);
    }

    @Test
    void noticesWaitingInTheirChannelAreNoMessagesWhenReceived() throws IOException {
        Path file = dir.resolve("notices.json");
        Sim sim = new Sim(Machine.preset("uniform", 2), 1, new SchedulerOptions().traceFile(file));
        Channel[] exit = new Channel[1];
        Channel[] tick = new Channel[1];
        sim.main((t, in) -> {
            exit[0] = sim.s.monitor(sim.start(1)); // it ends long before its notice is read
            tick[0] = sim.s.after(10);
            return in;
        }, sim.sleep(5000), (t, in) -> exit[0].receive(), sim.log("exit"), (t, in) -> tick[0].receive(), sim.log("tick"));
        sim.run();
        assertEquals(2, sim.log.size(), sim.log.toString());
        assertEquals(0, sim.s.stats().messagesLocal() + sim.s.stats().messagesRemote());
        assertTrue(Files.readString(file).indexOf("\"ph\":\"s\"") < 0, "no flow arrow");
    }

    @Test
    void theTraceIsValidJsonWithCoreTracksSlicesAndFlows() throws IOException {
        Path file = dir.resolve("t.json");
        Sim sim = pingPong(new SchedulerOptions().traceFile(file));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) STRICT_JSON.readValue(Files.readString(file), Object.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) root.get("traceEvents");
        List<Object> trackNames = events.stream().filter(e -> "thread_name".equals(e.get("name")))
                .<Object>map(e -> ((Map<?, ?>) e.get("args")).get("name")).toList();
        assertEquals(List.of("core 0", "core 1", "core 2", "core 3"), trackNames);
        List<Map<String, Object>> slices = events.stream().filter(e -> "X".equals(e.get("ph"))).toList();
        assertTrue(slices.stream().anyMatch(e -> "thread 2".equals(e.get("name")) && ((Long) e.get("tid")) == 2));
        for (Map<String, Object> e : slices) assertTrue((Long) e.get("dur") >= 0);
        Map<Object, List<Object>> flows = events.stream().filter(e -> "s".equals(e.get("ph")) || "f".equals(e.get("ph")))
                .collect(Collectors.groupingBy(e -> e.get("id"), Collectors.mapping(e -> e.get("ph"), Collectors.toList())));
        assertEquals(11, flows.size(), "ten messages between cores and one local one");
        flows.values().forEach(p -> assertEquals(List.of("s", "f"), p));
        assertTrue(sim.s.mainDone());
    }

    @Test
    void statsCountBusyCyclesAndLocalAndRemoteMessages() {
        Sim sim = pingPong(new SchedulerOptions());
        Stats st = sim.s.stats();
        assertEquals(1, st.messagesLocal());
        assertEquals(10, st.messagesRemote());
        Stats.CoreStats c0 = st.cores().get(0);
        Stats.CoreStats c2 = st.cores().get(2);
        assertEquals(5, c0.sentRemote());
        assertEquals(5, c0.receivedRemote());
        assertEquals(1, c0.sentLocal());
        assertEquals(5, c2.receivedRemote());
        assertEquals(1, c2.threads());
        assertEquals(0, st.cores().get(1).busy());
        for (Stats.CoreStats c : st.cores()) assertEquals(st.finalTime(), c.busy() + c.idle());
        String text = st.format();
        assertTrue(text.startsWith("machine amd-2x2, 4 cores, final virtual time " + st.finalTime() + " cycles"), text);
        assertTrue(text.contains("1/5"), text);
    }

    /**
     * Four cores idle for most of 2^62 cycles: the idle of all of them, past a long, was printed wrapped
     * negative, and a 19-digit figure stood against the column before it with one space. The total is
     * exact and the columns widen to what they hold (a run's usual figures keep the usual layout).
     */
    @Test
    void statsOfAVeryLongRunAddUpAndKeepTheirColumns() {
        Sim sim = new Sim(Machine.preset("uniform"), 1, new SchedulerOptions());
        sim.main(List.of(sim.sleep(4_000_000_000_000_000_000L)));
        sim.run();
        Stats st = sim.s.stats();
        java.math.BigInteger idle = java.math.BigInteger.ZERO;
        for (Stats.CoreStats c : st.cores()) idle = idle.add(java.math.BigInteger.valueOf(c.idle()));
        List<String> lines = st.format().lines().toList();
        String header = lines.get(1);
        String all = lines.get(lines.size() - 1);
        assertEquals(idle.toString(), all.trim().split(" +")[2], all);
        for (String row : lines.subList(2, lines.size())) {
            assertEquals(header.length(), row.length(), row);
            String[] cells = row.trim().split(" +");
            assertEquals(7, cells.length, row);
            // each figure ends where its heading ends, with at least two spaces before it
            for (String heading : List.of("busy", "idle")) {
                int end = header.indexOf(heading) + heading.length();
                assertTrue(Character.isDigit(row.charAt(end - 1)) && !Character.isDigit(row.charAt(end)), row);
            }
            assertTrue(row.matches(" *\\S+ {2,}\\d+ {2,}\\d+ .*"), row);
        }
    }

    @Test
    void largeMessagesCostAPerCacheLineCharge() {
        long small = transfer(8);
        long large = transfer(64 * 5);
        assertEquals(4 * CostModel.CACHE_LINE, large - small);
    }

    private long transfer(int bytes) {
        Sim sim = new Sim(Machine.preset("amd-2x2"), 1, new SchedulerOptions().valueSizer(v -> bytes));
        Channel c = new Channel(sim.s, 1);
        long[] at = new long[2];
        sim.main((t, in) -> sim.start(2, sim.recv(c), (u, v) -> {
            at[1] = sim.s.now();
            return v;
        }), sim.sleep(10_000), (t, in) -> {
            at[0] = sim.s.now();
            return c.send("big");
        });
        sim.run();
        return at[1] - at[0];
    }

    /**
     * --trace onto a named pipe that nobody reads waited for ever in the open; now it is a clear error
     * at once, and a pipe with a reader gets the trace.
     */
    @Test
    void aTraceOntoAFifoNeverWaitsForAReader() throws Exception {
        Path fifo = dir.resolve("trace.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ChanRuntimeError e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> org.junit.jupiter.api.Assertions.assertThrows(ChanRuntimeError.class,
                        () -> new Scheduler(Machine.preset("uniform"), 1, new SchedulerOptions().traceFile(fifo))));
        assertEquals("cannot write trace file " + fifo + ": it is a FIFO that no process reads", e.getMessage());
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        });
        String text = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            Scheduler s = null;
            while (s == null) { // until the reader has the pipe open
                try {
                    s = new Scheduler(Machine.preset("uniform"), 1, new SchedulerOptions().traceFile(fifo));
                } catch (ChanRuntimeError notYet) {
                    Thread.sleep(10);
                }
            }
            s.end();
            return read.get();
        });
        assertTrue(text.startsWith("{\"traceEvents\":["), text);
    }

    @Test
    void anUnwritableTracePathIsAClearError() {
        Path bad = dir.resolve("no/such/dir/t.json");
        ChanRuntimeError e = org.junit.jupiter.api.Assertions.assertThrows(ChanRuntimeError.class,
                () -> new Scheduler(Machine.preset("uniform"), 1, new SchedulerOptions().traceFile(bad)));
        assertTrue(e.getMessage().startsWith("cannot write trace file " + bad), e.getMessage());
    }
}
