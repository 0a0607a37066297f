// Checks that --trace writes valid Chrome trace JSON: metadata naming one track per core, slices for thread runs, and s/f flow pairs for messages.
package chan.concurrency;

import chan.testing.Json;
import chan.testing.RunChan;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {
    @TempDir
    Path dir;

    /** examples/pipeline.chan puts its three stages on cores 0, 1 and 2 and passes values between them. */
    @Test
    void thePipelineExampleWritesAValidChromeTrace() throws IOException {
        Path trace = dir.resolve("pipeline.json");
        RunChan r = RunChan.run("examples/pipeline.chan", "--trace", trace.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(Path.of("examples/pipeline.out"), UTF_8), r.out(), "tracing does not change the output");

        Object root = Json.parse(Files.readString(trace, UTF_8));
        Map<?, ?> top = assertInstanceOf(Map.class, root);
        List<?> events = assertInstanceOf(List.class, top.get("traceEvents"));
        assertFalse(events.isEmpty());

        Set<Long> namedTracks = new TreeSet<>();
        Set<Long> sliceTracks = new TreeSet<>();
        Map<Long, Long> flowStarts = new HashMap<>();
        Map<Long, Long> flowEnds = new HashMap<>();
        int slices = 0;
        for (Object o : events) {
            Map<?, ?> e = assertInstanceOf(Map.class, o);
            String ph = (String) e.get("ph");
            assertEquals(0L, number(e, "pid"), "one process, the machine: " + e);
            long tid = number(e, "tid");
            switch (ph) {
                case "M" -> {
                    if ("thread_name".equals(e.get("name"))) {
                        assertEquals("core " + tid, ((Map<?, ?>) e.get("args")).get("name"));
                        assertTrue(namedTracks.add(tid), "one track per core");
                    }
                }
                case "X" -> {
                    slices++;
                    sliceTracks.add(tid);
                    assertTrue(((String) e.get("name")).matches("thread \\d+"), e.toString());
                    assertTrue(number(e, "ts") >= 0 && number(e, "dur") >= 0, e.toString());
                }
                case "s" -> flowStarts.put(number(e, "id"), number(e, "ts"));
                case "f" -> {
                    assertEquals("e", e.get("bp"), "a flow ends in its enclosing slice");
                    flowEnds.put(number(e, "id"), number(e, "ts"));
                }
                default -> throw new AssertionError("unexpected event phase " + ph + ": " + e);
            }
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L), namedTracks, "the default machine has four cores, each a named track");
        assertTrue(sliceTracks.containsAll(Set.of(0L, 1L, 2L)), "the stages ran on cores 0, 1 and 2: " + sliceTracks);
        assertTrue(slices >= 3, "slices: " + slices);
        assertFalse(flowStarts.isEmpty(), "messages are drawn as flows");
        for (var end : flowEnds.entrySet()) {
            Long start = flowStarts.get(end.getKey());
            assertTrue(start != null, "flow " + end.getKey() + " ends but never starts");
            assertTrue(start <= end.getValue(), "a message arrives no earlier than it was sent");
        }
        assertTrue(flowEnds.size() * 10 >= flowStarts.size() * 9, "nearly every message that left also arrived: "
                        + flowEnds.size() + " of " + flowStarts.size());
    }

    /** A trace file that cannot be written is a bad option, as a bad machine is: exit 2 before the program runs. */
    @Test
    void anUnwritableTraceFileIsAClearError() {
        Path missing = dir.resolve("no/such/dir/t.json");
        RunChan r = RunChan.run("examples/hello.chan", "--trace", missing.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("chan: cannot write trace file " + missing + ": no such directory\n", r.err());
        assertEquals("", r.out());
        RunChan onDirectory = RunChan.run("examples/hello.chan", "--trace", dir.toString());
        assertEquals(2, onDirectory.exit(), onDirectory.err());
        assertEquals("chan: cannot write trace file " + dir + ": it is a directory\n", onDirectory.err(), "as chan DIR says it");
        assertEquals("", onDirectory.out());
    }

    /** A file where the path needs a directory was the OS's "Not a directory", which did not say which part. */
    @Test
    void aFileInThePathIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        RunChan r = RunChan.run("examples/hello.chan", "--trace", file.resolve("sub/t.json").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("chan: cannot write trace file " + file.resolve("sub/t.json") + ": " + file + " is not a directory\n", r.err());
    }

    /** Root may write anywhere, so the case is only meaningful for another user (the build's, usually). */
    @Test
    void aDirectoryWithoutWritePermissionIsAClearError() throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"); // `id -u`
        org.junit.jupiter.api.Assumptions.assumeFalse(uid == 0, "root writes regardless of permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path trace = locked.resolve("t.json");
            RunChan r = RunChan.run("examples/hello.chan", "--trace", trace.toString());
            assertEquals(2, r.exit(), r.err());
            assertEquals("chan: cannot write trace file " + trace + ": permission denied\n", r.err());
            assertEquals("", r.out(), "nothing runs");
            assertFalse(Files.exists(trace));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A trace that cannot be written when the run ends (a full disk): an error, exit 1, after the program's output. */
    @Test
    void aTraceThatCannotBeWrittenAtTheEndIsAnError() {
        RunChan r = RunChan.run("examples/hello.chan", "--trace", "/dev/full");
        assertEquals(1, r.exit(), r.err());
        assertEquals("chan: cannot write trace file /dev/full: No space left on device\n", r.err());
        assertEquals("Hello, world!\n", r.out());
    }

    /**
     * A run that failed already keeps its own exit code when its trace cannot be written either: a
     * deadlock stayed exit 3 when its output could not be written, but became exit 1 for its trace.
     */
    @Test
    void aTraceThatCannotBeWrittenLeavesAFailedRunsExitCode() throws IOException {
        Path deadlocks = Files.writeString(dir.resolve("deadlocks.chan"), "print(\"waiting\");\n<-chan();\n", UTF_8);
        RunChan r = RunChan.run(deadlocks.toString(), "--trace", "/dev/full");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().startsWith("deadlock: all threads are blocked\n"), r.err());
        assertTrue(r.err().endsWith("chan: cannot write trace file /dev/full: No space left on device\n"), r.err());
        assertEquals("waiting\n", r.out());
    }

    private static long number(Map<?, ?> e, String key) {
        Object v = e.get(key);
        assertTrue(v instanceof Number, key + " is a number in " + e);
        return ((Number) v).longValue();
    }
}
