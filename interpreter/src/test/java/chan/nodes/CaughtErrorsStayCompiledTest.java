package chan.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An error that a program raises and catches again and again at one site stays in compiled code:
 * the site throws from there instead of leaving for the interpreter each time. Before, a type
 * annotation's check and a call's arity check transferred to the interpreter on every failure
 * without invalidating the code, so a function whose callers caught its argument errors left
 * compiled code at each one until Graal gave up compiling it ("Deopt taken too many times"): the
 * fuzzer's seed 564 took over 180 s compiled against 4 s interpreted.
 */
class CaughtErrorsStayCompiledTest {
    /**
     * f, compiled early, is called 9 000 times; {@code badArgument} (`a = "s"` or nothing) makes a
     * third of the calls fail f's `a: num`, {@code call} (a wrong arity, or a right one) another
     * third, through the variable h (a call of g by its name with a wrong arity is a static error).
     * Every error is caught.
     */
    private static String program(String badArgument, String call) {
        return """
                fn g(x) { return x + 1; }
                fn f(a: num, i) {
                  let h = g;
                  if (i %% 3 == 0) { return %s; }
                  return g(a);
                }
                let total = 0;
                let caught = 0;
                for (i in range(0, 9000)) {
                  let a = i;
                  if (i %% 3 == 1) { %s }
                  try { total = (total + f(a, i)) %% 1000003; } catch (e) { caught += 1; }
                }
                print(total, caught);
                """.formatted(call, badArgument);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a = \"not a number\"; | h(i)    | 3000",  // the type annotation's check alone
        "                        | h(i, i) | 3000",  // the call's arity check alone (too many)
        "                        | h()     | 3000",  // (too few)
        "a = nil;                | h()     | 6000"}) // both
    void aCaughtErrorLeavesNoCompiledCode(String badArgument, String call, int errors) {
        String program = program(badArgument == null ? "" : badArgument, call);
        var log = new ByteArrayOutputStream();
        String compiled = run(program, Context.newBuilder("chan").logHandler(log).allowExperimentalOptions(true)
                        .option("engine.TraceCompilation", "true").option("engine.TraceTransferToInterpreter", "true")
                        .option("engine.BackgroundCompilation", "false"));
        String interpreted = run(program, Context.newBuilder("chan").allowExperimentalOptions(true).option("engine.Compilation", "false"));
        assertEquals(interpreted, compiled, "compiled code and the interpreter disagree");
        assertTrue(compiled.endsWith(" " + errors + "\n"), "every error was caught: " + compiled);

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("opt done")), "nothing was compiled:\n" + String.join("\n", lines));
        // Compiled code throws these errors itself: no transfer to the interpreter at all. The bug
        // was one per error (the arity check: ~2 900 here) or one per error until Graal gave up
        // compiling f (the type check: 16, then "Deopt taken too many times").
        long transfers = lines.stream().filter(l -> l.contains("transferToInterpreter at")).count();
        long failed = lines.stream().filter(l -> l.contains("opt failed")).count();
        assertTrue(transfers <= 4 && failed == 0, "compiled code left " + transfers + " times, and gave up compiling " + failed + " times");
    }

    private static String run(String program, Context.Builder builder) {
        var out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).build()) {
            context.eval(Source.create("chan", program));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
