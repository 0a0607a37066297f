package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An int operation that has once overflowed into arbitrary precision stays compiled: the site then
 * takes ints on a path of its own ({@code doLongOverflowed} in AddNode, SubNode, MulNode, NegNode;
 * {@code doAny} in AddToLocal, for `x += 1` and `x -= 1`).
 * Before it, the DSL's fallback guard still expected the excluded int path to take two ints, so
 * compiled code left for the interpreter at every later operation there, and the function was
 * compiled again and again (found by the fuzzer, {@code chan.fuzz}). The sums must also be the
 * interpreter's.
 */
class OverflowStaysCompiledTest {
    /** f's body overflows once, at i = 100 or 101, and then runs on small ints 19 900 times. */
    private static String program(String operation) {
        return """
                fn f(a, b) { %s }
                let total = 0;
                for (i in range(0, 20000)) {
                  let a = i;
                  if (i == 100) { a = 9223372036854775807; }
                  if (i == 101) { a = -9223372036854775807 - 1; }
                  total = (total + f(a, i)) %% 1000003;
                }
                print(total);
                """.formatted(operation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"return a + b;", "return a - b;", "return a * b;", "return -a + b;",
        "let x = a; x += 1; return x + b;", "let x = a; x -= 1; return x + b;"})
    void staysCompiledAfterAnOverflow(String operation) {
        var log = new ByteArrayOutputStream();
        String compiled = run(program(operation), Context.newBuilder("chan").logHandler(log).allowExperimentalOptions(true)
                        .option("engine.TraceCompilation", "true").option("engine.BackgroundCompilation", "false"));
        String interpreted = run(program(operation), Context.newBuilder("chan").allowExperimentalOptions(true).option("engine.Compilation", "false"));
        assertEquals(interpreted, compiled, operation + ": compiled code and the interpreter disagree");

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" f ")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("opt done")), operation + ": f was never compiled:\n" + String.join("\n", lines));
        long deopts = lines.stream().filter(l -> l.contains("opt deopt") || l.contains("opt inval.")).count();
        assertTrue(deopts <= 2, operation + ": f deoptimized " + deopts + " times:\n" + String.join("\n", lines));
    }

    private static String run(String program, Context.Builder builder) {
        var out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).build()) {
            context.eval(Source.create("chan", program));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
