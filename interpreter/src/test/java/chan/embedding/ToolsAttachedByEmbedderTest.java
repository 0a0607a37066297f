package chan.embedding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;

/**
 * A tool an embedder attaches without the launcher's chan.Instrumented (the debugger of a Context,
 * the CPU tracer enabled by its own option, a session started after the program first ran) makes the
 * Bytecode DSL build each root again with the tags it asks for; that build must compile the root as
 * the first did, whatever the compiler compiled last (ModuleCompiler.buildRoot).
 */
class ToolsAttachedByEmbedderTest {

    /**
     * A function's local `total` and the top level's `total` are two variables, and so are the
     * closure's `k` and the top level's; the loop in sumTo is a root of its own (OutlinedLoops), and
     * list.fold, with a loop of its own, is compiled by the stdlib module's compiler when referred to.
     */
    private static final String CLASHING_NAMES = """
                    let total = 100;
                    fn sumTo(n) {
                      let total = 0;
                      for (i in range(0, n)) { total = total + i; }
                      return total;
                    }
                    let k = 4;
                    let c = chan();
                    start { let total = sumTo(k); c <- total; };
                    let add = fn (x) {
                      let k = x + total;
                      return k;
                    };
                    import list;
                    print(<-c, add(1), total, list.fold([1, 2, 3], k, fn (acc, x) => acc + x));
                    """;
    private static final String EXPECTED = "6 101 100 10\n";

    @Test
    void theDebuggerStopsInAFunctionWhoseLocalClashesWithATopLevelName() {
        var out = new ByteArrayOutputStream();
        List<String> stops = new ArrayList<>();
        try (Context context = context().out(out).err(out).build()) {
            Source source = Source.newBuilder("chan", CLASHING_NAMES, "names.chan").buildLiteral();
            try (DebuggerSession session = Debugger.find(context.getEngine()).startSession(event -> stops.add(stop(event.getTopStackFrame())))) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(5).build());
                assertEquals(0, context.eval(source).asInt(), out.toString(UTF_8));
            }
        }
        assertEquals(EXPECTED, out.toString(UTF_8)); // the closure's `k` and `total` are still its own and main's
        assertEquals(List.of("sumTo:5 n=4 total=6"), stops);
    }

    @Test
    void aSessionStartedAfterTheFirstRunBuildsTheRootsAgainCorrectly() {
        var out = new ByteArrayOutputStream();
        List<String> stops = new ArrayList<>();
        try (Context context = context().out(out).err(out).build()) {
            Source source = Source.newBuilder("chan", CLASHING_NAMES, "names.chan").buildLiteral();
            assertEquals(0, context.eval(source).asInt(), out.toString(UTF_8)); // built without any tag
            try (DebuggerSession session = Debugger.find(context.getEngine()).startSession(event -> stops.add(stop(event.getTopStackFrame())))) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(5).build());
                assertEquals(0, context.eval(source).asInt(), out.toString(UTF_8)); // the same roots, built again
            }
        }
        assertEquals(EXPECTED + EXPECTED, out.toString(UTF_8));
        assertEquals(List.of("sumTo:5 n=4 total=6"), stops);
    }

    @Test
    void theCpuTracerEnabledByTheContextsOwnOptionsCountsTheStatementsOfEachRoot() {
        var out = new ByteArrayOutputStream();
        try (Context context = context().out(out).err(out).allowExperimentalOptions(true)
                        .option("cputracer", "true").option("cputracer.TraceStatements", "true").build()) {
            assertEquals(0, context.eval(Source.newBuilder("chan", CLASHING_NAMES, "names.chan").buildLiteral()).asInt(), out.toString(UTF_8));
        }
        String printed = out.toString(UTF_8);
        assertTrue(printed.startsWith(EXPECTED), printed);
        // The loop's body ran 4 times, in sumTo's outlined loop; the closure's two statements once each.
        assertTrue(Pattern.compile("(?m)^ sumTo +\\| +4 .*names\\.chan~4:").matcher(printed).find(), printed);
        assertTrue(Pattern.compile("(?m)^ <fn> +\\| +1 .*names\\.chan~11:").matcher(printed).find(), printed);
        assertTrue(Pattern.compile("(?m)^ fold +\\| +3 .*list\\.chan~51:").matcher(printed).find(), printed); // its loop's body
    }

    /** A context that finds the stdlib (docs/embedding.md), and no tool of the launcher's. */
    private static Context.Builder context() {
        return Context.newBuilder("chan").option("chan.Path", Path.of("../stdlib").toAbsolutePath().normalize().toString())
                        .allowIO(IOAccess.ALL);
    }

    /**
     * `function:line name=value…`: the frame's named variables that hold ints (a closure's captured
     * values are not among them; the compiler's temporaries, named localN by the Bytecode DSL, and
     * values that are not interop values, such as a channel, are left out: docs/embedding.md).
     */
    private static String stop(DebugStackFrame frame) {
        StringBuilder b = new StringBuilder(frame.getName() + ":" + frame.getSourceSection().getStartLine());
        for (DebugValue v : frame.getScope().getDeclaredValues()) {
            if (!v.getName().matches("local\\d+") && v.isNumber()) {
                b.append(' ').append(v.getName()).append('=').append(v.toDisplayString());
            }
        }
        return b.toString();
    }
}
