package chan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors thrown once a loop runs as OSR code (compiled on the stack, mid-loop) behave as in the
 * interpreter: the same output, message and stack, and only the handlers that enclose the throw
 * catch it. OSR code runs the rest of the function after the loop, and an error it does not catch
 * used to reach the interpreter again at the loop's back-edge: it ran the handlers around the loop
 * (a counted loop's settlement then read locals that frame no longer held: `internal error`, exit
 * 70) and recorded the function twice in the stack (found by the robustness fuzz;
 * ChanBytecodeRootNode.interceptTruffleException). Compiled here with a low OSR threshold and no
 * background compilation, so that every loop below is compiled on the stack, every run.
 */
class OsrErrorsTest {
    private static final String HOT_LOOP = "let i = 0; while (i < 20000) { i = i + 1; }";

    @ParameterizedTest
    @ValueSource(strings = {
        // after a counted `while` at the top level
        HOT_LOOP + " print(\"loop done\", i); throw :a;",
        // after a `for` over a range, and after a `while (true)` left by `break`
        "let n = 0; for (k in range(0, 20000)) { n = n + k; } print(n); throw :b;",
        "let i = 0; while (true) { i = i + 1; if (i == 20000) { break; } } print(1 / (i - i));",
        // inside a function called from a `try`: the caller catches, the `try` around the loop does not
        "fn f() { let i = 0; try { while (i < 20000) { i = i + 1; } } catch (e) { print(\"wrongly caught\", e); return 0; } throw :after; }"
                        + " try { f(); } catch (e) { print(\"caught\", e, now()); }",
        // a throw inside the loop, caught around it: the clock is settled once, as the interpreter does
        "let i = 0; try { while (true) { i = i + 1; if (i == 20000) { throw :inside; } } } catch (e) { print(e, i, now()); }",
        // in a thread: it ends with the error, main goes on
        "let t = start { " + HOT_LOOP + " throw :in_thread; }; print(<-monitor(t));",
    })
    void anErrorAfterOsrIsTheInterpretersError(String program) {
        String interpreted = run(program, Context.newBuilder("chan").allowExperimentalOptions(true).option("engine.Compilation", "false"));
        String compiled = run(program, Context.newBuilder("chan").allowExperimentalOptions(true)
                        .option("engine.BackgroundCompilation", "false").option("engine.OSRCompilationThreshold", "1000"));
        assertEquals(interpreted, compiled);
    }

    /** What the program printed, then its error's message and the guest frames of its stack. */
    private static String run(String program, Context.Builder builder) {
        var out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).err(out).build()) {
            context.eval(Source.create("chan", program));
            return out.toString(StandardCharsets.UTF_8);
        } catch (PolyglotException e) {
            String stack = StreamSupport.stream(e.getPolyglotStackTrace().spliterator(), false)
                            .filter(PolyglotException.StackFrame::isGuestFrame)
                            .map(f -> f.getRootName() + " " + (f.getSourceLocation() == null ? "" : f.getSourceLocation().getStartLine() + ":" + f.getSourceLocation().getStartColumn()))
                            .collect(Collectors.joining("\n"));
            return out.toString(StandardCharsets.UTF_8) + "error: " + e.getMessage() + "\n" + stack;
        }
    }
}
