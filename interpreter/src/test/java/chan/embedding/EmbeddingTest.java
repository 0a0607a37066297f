package chan.embedding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * What a Java program that embeds Chan through the GraalVM polyglot API gets (docs/embedding.md):
 * `eval` runs a program and returns its exit code, the program's output and errors go to the
 * context's streams as `chan` writes them, and the options and arguments of the command line are
 * the context's.
 */
class EmbeddingTest {
    /** A run's exit code (what `eval` returned, with its string form), standard output and standard error. */
    private record Run(int exit, String shown, String out, String err) {}

    private static Run eval(String program, Context.Builder builder) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (Context context = builder.out(out).err(err).build()) {
            Value exit = context.eval(Source.newBuilder("chan", program, "embedded.chan").buildLiteral());
            assertTrue(exit.isNumber() && exit.fitsInInt(), exit.toString());
            return new Run(exit.asInt(), exit.toString(), out.toString(UTF_8), err.toString(UTF_8));
        }
    }

    private static Run eval(String program) {
        return eval(program, Context.newBuilder("chan"));
    }

    @Test
    void evalRunsTheProgramAndReturnsItsExitCode() {
        Run run = eval("""
                        let c = chan();
                        start { c <- 6 * 7; };
                        print("answer", <-c);
                        """);
        assertEquals("answer 42\n", run.out());
        assertEquals("", run.err());
        assertEquals(0, run.exit());
        assertEquals("0", run.shown());
    }

    @Test
    void anUncaughtErrorIsExitCodeOneWithTheChanStackTraceOnTheContextsErrorStream() {
        Run run = eval("""
                        fn div(a, b) { return a / b; }
                        print(div(1, 0));
                        """);
        assertEquals(1, run.exit());
        assertEquals("""
                        embedded.chan:1:25: error: division by zero
                          fn div(a, b) { return a / b; }
                                                  ^
                          at div (embedded.chan:1:25)
                          at <main> (embedded.chan:2:7)
                        """, run.err());
    }

    @Test
    void aSyntaxErrorIsExitCodeTwoAndADeadlockThree() {
        Run syntax = eval("let x = ;\n");
        assertEquals(2, syntax.exit());
        assertTrue(syntax.err().startsWith("embedded.chan:1:9: "), syntax.err());
        Run deadlock = eval("let c = chan();\n<-c;\n");
        assertEquals(3, deadlock.exit());
        assertTrue(deadlock.err().startsWith("deadlock: all threads are blocked"), deadlock.err());
    }

    @Test
    void theCommandLinesOptionsAndArgumentsAreTheContexts() {
        Run run = eval("print(cores(), args(), rand(1000));\n",
                        Context.newBuilder("chan").option("chan.Cores", "6").option("chan.Seed", "7").arguments("chan", new String[] {"a", "b"}));
        Run again = eval("print(cores(), args(), rand(1000));\n",
                        Context.newBuilder("chan").option("chan.Cores", "6").option("chan.Seed", "7").arguments("chan", new String[] {"a", "b"}));
        assertTrue(run.out().startsWith("6 [\"a\", \"b\"] "), run.out());
        assertEquals(run.out(), again.out(), "the same seed, the same run");
    }

    @Test
    void aSourceEvaluatedTwiceRunsAfreshEachTime() {
        var out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("chan").out(out).build()) {
            Source source = Source.newBuilder("chan", "let d = dict();\nd[\"n\"] = 1;\nprint(d, now() > 0);\n", "twice.chan").buildLiteral();
            assertEquals(0, context.eval(source).asInt());
            assertEquals(0, context.eval(source).asInt());
        }
        assertEquals("dict{\"n\" => 1} true\ndict{\"n\" => 1} true\n", out.toString(UTF_8));
    }

    @Test
    void aModuleIsFoundOnTheModulePathOption() throws Exception {
        Path stdlib = Path.of("../stdlib").toAbsolutePath().normalize();
        Run run = eval("import list;\nprint(list.map([1, 2, 3], fn (x) => x * 10));\n", Context.newBuilder("chan").option("chan.Path", stdlib.toString())
                        .allowIO(org.graalvm.polyglot.io.IOAccess.ALL));
        assertEquals("[10, 20, 30]\n", run.out(), run.err());
    }

    @Test
    void aRunThatNeverEndsIsCancelledByClosingItsContext() throws Exception {
        Context context = Context.newBuilder("chan").build(); // closed by the other thread, not here
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            context.close(true);
        });
        closer.start();
        PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.newBuilder("chan",
                        "let c = chan(1);\nstart { while (true) { } };\nwhile (true) { c <- 1; <-c; }\n", "spin.chan").buildLiteral()));
        assertTrue(e.isCancelled(), e.toString());
        closer.join();
    }

    @Test
    void chanHasNoBindingsAndItsValuesStayInsideTheRun() {
        try (Context context = Context.newBuilder("chan").build()) {
            Value bindings = context.getBindings("chan");
            assertFalse(bindings.hasMembers() && !bindings.getMemberKeys().isEmpty(), bindings.toString());
        }
    }
}
