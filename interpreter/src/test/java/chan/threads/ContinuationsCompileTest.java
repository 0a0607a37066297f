package chan.threads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * Proves that strands' continuations are compiled and stay compiled (DESIGN.md, the 25.0.x defect that
 * {@link chan.nodes.ContinuationLocations} works around): a ping-pong where both strands block inside a
 * function runs with compilation traced; the continuation roots (`pinger(resume_bci=…)`) must be
 * compiled, and must not fall into a deoptimization loop, which is what the defect causes on every resume.
 * (The defect needs a root whose bytecode was replaced after its continuations were made, as happens when
 * an instrument such as the debugger attaches; this run checks the everyday path stays compiled.)
 */
class ContinuationsCompileTest {
    private static final String PING_PONG = """
            fn ponger(c, d) { while (true) { let v = <-c; d <- v + 1; } }
            fn pinger(c, d, n) {
              let total = 0;
              for (i in range(0, n)) { c <- i; total = total + <-d; }
              return total;
            }
            let c = chan();
            let d = chan();
            start ponger(c, d);
            print(pinger(c, d, 200000));
            """;

    @Test
    void continuationsCompile() throws Exception {
        var log = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("chan").out(OutputStream.nullOutputStream()).logHandler(log).allowExperimentalOptions(true)
                        .option("engine.TraceCompilation", "true").option("engine.BackgroundCompilation", "false")
                        .build()) {
            context.eval(Source.create("chan", PING_PONG));
        }
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        for (String function : List.of("pinger", "ponger")) {
            String root = " " + function + "(resume_bci=";
            assertTrue(lines.stream().anyMatch(l -> l.contains("opt done") && l.contains(root)),
                            function + "'s continuation was never compiled:\n" + String.join("\n", lines));
            long deopts = lines.stream().filter(l -> (l.contains("opt deopt") || l.contains("opt inval.")) && l.contains(root)).count();
            assertTrue(deopts <= 3, function + "'s continuation deoptimized " + deopts + " times:\n" + String.join("\n", lines));
        }
    }
}
