package chan.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * A function whose calls are preempted keeps its frame off the heap in compiled code, once its
 * suspension path is compiled in: two threads computing fib side by side on one core allocate about
 * what one thread allocates for the same calls, not a frame per call. Before the build handed a
 * suspending root's copy of its frame to its continuation (ContinuationFrames), every call of fib
 * allocated ~220 bytes there (bench/README.md, "Preempted calls"); while the copy shared the
 * frame's arguments array, each inlined call allocated its arguments array (33 bytes a call in all).
 */
class PreemptedCallsStayVirtualTest {
    /** fib(22) in each of two threads on core 0: 57 313 calls each, preempting each other ~60 times. */
    private static final String PROGRAM = """
            fn fib(n) {
              if (n < 2) { return n; }
              return fib(n - 1) + fib(n - 2);
            }
            let done = chan();
            start { done <- fib(22); };
            start { done <- fib(22); };
            print(<-done + <-done);
            """;
    private static final long CALLS = 2 * 57_313;

    @Test
    void preemptedCallsAllocateNoFrames() {
        var out = new ByteArrayOutputStream();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Context context = Context.newBuilder("chan").out(out).allowExperimentalOptions(true)
                        .option("engine.BackgroundCompilation", "false").option("engine.MultiTier", "false").build()) {
            Source source = Source.create("chan", PROGRAM);
            long least = Long.MAX_VALUE;
            for (int run = 0; run < 40; run++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                context.eval(source);
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            // With frames on the heap: ~220 bytes a call; with inlined calls' argument arrays on the
            // heap, ~33. Without either: the suspensions' continuations and the argument arrays of
            // the calls Truffle does not inline, ~9 bytes a call.
            assertTrue(least / CALLS < 20, "a run allocated " + least + " bytes, " + least / CALLS + " a call");
        }
        assertEquals("35422\n".repeat(40), out.toString(StandardCharsets.UTF_8));
    }
}
