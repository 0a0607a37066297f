package chan.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.launcher.ChanMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What persists between REPL inputs, and how (ReplBindings): redefinition reaching earlier callers,
 * closures still capturing by value, an input with a static error changing nothing, the language's
 * scope rules, and threads living on between inputs. Runs a session in-process on a dumb terminal.
 */
class ReplSessionTest {
    private record Session(String out, String err) {
        /** The printed lines, prompts removed. */
        List<String> lines() {
            return out.replace("chan> ", "").replace(" ...> ", "").lines().skip(2).filter(l -> !l.isEmpty()).toList();
        }
    }

    private static Session run(String... inputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String text = String.join("\n", inputs) + "\n";
        int exit = ChanMain.run(new String[] {"repl"}, new ByteArrayInputStream(text.getBytes(UTF_8)),
                        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        assertEquals(0, exit, err.toString(UTF_8));
        return new Session(out.toString(UTF_8), err.toString(UTF_8));
    }

    @Test
    void aPathWithANulIsAnErrorAndTheSessionGoesOn() {
        Session s = run("import \"\\0\" as z;", ":load a\0b", ":trace a\0b", "1 + 1");
        assertTrue(s.err().startsWith("<repl-1>:1:8: error: invalid module path \\0: a path cannot contain a NUL character\n"), s.err());
        assertTrue(s.out().contains(":load: cannot use a\\0b: a path cannot contain a NUL character\n"), s.out());
        assertTrue(s.out().contains(":trace: cannot use a\\0b: a path cannot contain a NUL character\n"), s.out());
        assertEquals("2", s.lines().get(s.lines().size() - 1), s.out());
    }

    @Test
    void loadingADeviceIsRefusedNotReadForever() {
        Session s = run(":load /dev/zero", "1 + 1");
        assertTrue(s.out().contains(":load: cannot read /dev/zero: not a regular file\n"), s.out());
        assertEquals("2", s.lines().get(s.lines().size() - 1), s.out());
    }

    @Test
    void aRedefinedFunctionReachesItsEarlierCallers() {
        Session s = run("fn base() { return 1; }", "fn twice() { return 2 * base(); }", "twice()",
                        "fn base() { return 10; }", "twice()");
        assertEquals(List.of("2", "20"), s.lines(), s.err());
    }

    /** A direct call's arity is checked against an earlier input's function, and against its redefinition once redefined. */
    @Test
    void aCallOfAnEarlierFunctionHasItsArityChecked() {
        Session s = run("fn f(a) { return a; }", "f(1, 2)", "fn f(a, b) { return a + b; }", "f(1)", "f(1, 2)");
        assertTrue(s.err().contains("<repl-2>:1:1: error: f takes 1 argument, got 2"), s.err());
        assertTrue(s.err().contains("<repl-4>:1:1: error: f takes 2 arguments, got 1"), s.err());
        assertEquals("3", s.lines().get(s.lines().size() - 1), s.out());
    }

    @Test
    void variablesPersistAndClosuresStillCaptureByValue() {
        Session s = run("let x = 1;", "let f = fn () => x;", "x = 2;", "f()", "x", "let x = \"shadow\";", "x");
        assertEquals(List.of("1", "2", "\"shadow\""), s.lines(), s.err());
    }

    @Test
    void anInputWithAStaticErrorChangesNothing() {
        Session s = run("fn f() { return 1; }", "fn f() { return missing; } let y = 5;", "f()", "y");
        assertEquals(List.of("1"), s.lines().stream().filter(l -> !l.startsWith("<")).toList(), s.out());
        assertTrue(s.err().contains("<repl-2>:1:17: error: undefined name 'missing'"), s.err());
        assertTrue(s.err().contains("<repl-4>:1:1: error: undefined name 'y'"), s.err());
    }

    /** The `;` the prompt adds after a `}` is not in the line an error shows. */
    @Test
    void anErrorShowsTheInputAsTyped() {
        Session s = run("let x = 3;", "fn f(a) { return a + x; }", "Point{x: 1}", "{1 => 2}");
        assertTrue(s.err().contains("<repl-2>:1:22: error: function 'f' cannot use top-level variable 'x'"), s.err());
        assertTrue(s.err().contains("\n  fn f(a) { return a + x; }\n                       ^\n"), s.err());
        assertTrue(s.err().contains("\n  Point{x: 1}\n"), s.err());
        assertEquals(List.of("{1 => 2}"), s.lines().stream().filter(l -> l.startsWith("{")).toList(), s.out());
    }

    @Test
    void aNamedFunctionStillCannotUseATopLevelVariable() {
        Session s = run("let limit = 3;", "fn over(n) { return n > limit; }", "const LIMIT = 3;", "fn over(n) { return n > LIMIT; }", "over(4)");
        assertTrue(s.err().contains("function 'over' cannot use top-level variable 'limit'"), s.err());
        assertEquals(List.of("true"), s.lines(), s.err());
    }

    @Test
    void threadsOutliveTheInputThatStartedThem() {
        Session s = run("let c = chan();", "fn echo(c) { for (v in c) { print(\"echo\", v); } }", "start echo(c);",
                        "c <- :a;", "c <- :b;", ":threads");
        assertEquals("<thread 4>", s.lines().get(0), s.out()); // the value of `start`: inputs 1 to 3 ran as threads 1 to 3
        assertEquals("echo :a", s.lines().get(1), s.out());
        assertEquals("echo :b", s.lines().get(2), s.out());
        assertEquals("thread 4 on core 0: blocked in receive (for loop) at <repl-2>:1:24 (started at <repl-3>:1)", s.lines().get(3), s.out());
        assertFalse(s.err().contains("deadlock"), s.err());
    }

    @Test
    void aThreadStartedByAnInputEndsAtItsTurnSoItsMonitorHearsWhenItEnded() {
        // a computes on core 1 until ~6900; b, on core 2, monitors it at ~1400: the news comes when a
        // ends, one latency later, not at once as if a had already ended then.
        Session s = run("let a = start on (1) { let i = 0; while (i < 3000) { i += 1; } };"
                        + " let b = start on (2) { sleep(100); let m = monitor(a); let (_, _, why) = <-m; print(why, \"heard at\", now()); };"
                        + " sleep(20000);");
        assertEquals(":normal heard at 6957", s.lines().get(0), s.out());
    }

    @Test
    void anInputStartsAfterWhatOtherCoresDidBetweenInputs() {
        // u runs on core 1 after its input has ended, to ~40 900; the next input, on core 0, must not
        // come before that in virtual time: its monitor hears of u's end after it, its kill lands after
        // everything t printed.
        Session s = run("let u = start on (1) { let i = 0; while (i < 20000) { i = i + 1; } print(\"u ends at\", now()); };",
                        "let m = monitor(u); let (_, _, why) = <-m; print(\"heard at\", now());",
                        "let t = start on (2) { while (true) { sleep(10000); print(\"t alive at\", now()); } };",
                        "let k = monitor(t); kill(t); let (_, _, how) = <-k; print(how, \"heard at\", now());");
        List<Long> times = s.lines().stream().filter(l -> l.contains(" at ")).map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).toList();
        assertTrue(s.lines().get(0).startsWith("u ends at") && s.lines().get(1).startsWith("heard at"), s.out());
        assertTrue(s.lines().getLast().startsWith(":killed heard at"), s.out());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "printed in virtual-time order\n" + s.out());
        }
    }

    @Test
    void aBusyThreadLeftRunningDoesNotKeepThePromptAway() {
        Session s = run("start { let i = 0; while (true) { i = i + 1; } };", "1 + 1", ":threads", "2 + 2");
        assertEquals(List.of("<thread 2>", "2", "thread 2 on core 0: runnable (started at <repl-1>:1)", "4"), s.lines(), s.err());
    }

    @Test
    void aDeadlockedInputIsAbandonedAndTheSessionGoesOn() {
        Session s = run("let c = chan();", "<-c", "1 + 1");
        assertTrue(s.err().startsWith("deadlock: the input is blocked and no thread can run"), s.err());
        assertTrue(s.err().contains("receive at <repl-2>:1:1"), s.err());
        assertEquals(List.of("2"), s.lines(), s.out());
    }

    @Test
    void aSessionVariableMayHoldAnArrayButAConstMayNot() {
        Session s = run("let a = array(2, 0);", "a[0] = 5;", "print(a);", "const D = dict();");
        assertEquals(List.of("array[5, 0]"), s.lines(), s.out());
        assertTrue(s.err().contains("const 'D' must be immutable, got dict"), s.err());
    }

    /** read_line reads the session's own input, one line, leaving the rest to the prompt (it once took it all). */
    @Test
    void readLineTakesTheNextLineAndTheSessionGoesOn() {
        Session s = run("read_line()", "line two", "\"after 1\"", "let a = read_line(); let b = read_line();", "x y", "(z)", "(a, b)");
        assertEquals(List.of("\"line two\"", "\"after 1\"", "(\"x y\", \"(z)\")"), s.lines(), s.err());
    }

    /** An unclosed string is its syntax error at once; it once took the inputs after it in, as continuation lines. */
    @Test
    void anUnclosedStringIsAnErrorAndTheNextInputsRun() {
        Session s = run("let s = \"abc", "\"next input\"", "print(\"x", "1 + 1");
        assertEquals(List.of("\"next input\"", "2"), s.lines(), s.err());
        assertTrue(s.err().startsWith("<repl-1>:1:9: syntax error: unterminated string"), s.err());
        assertTrue(s.err().contains("<repl-3>:1:7: syntax error: unterminated string"), s.err());
    }

    /** A session file that ends inside an open bracket: the input was dropped without a word. */
    @Test
    void anInputStillOpenWhenTheInputEndsReportsItsBracket() {
        Session s = run("1 + 1", "fn twice(x) {", "  return 2 * x;");
        assertEquals(List.of("2"), s.lines(), s.err());
        assertEquals("<repl-2>:2:16: syntax error: unexpected end of file: expected '}' to close the '{' at 1:13\n"
                        + "    return 2 * x;\n"
                        + " ".repeat(17) + "^\n", s.err());
    }

    /**
     * The `;` the prompt adds to an input was shown as if the user had typed it: `1 +` failed with
     * "unexpected ';'" under `1 +;`, `x` with `x;`, and a `// comment` at the end swallowed it.
     */
    @Test
    void errorsShowTheInputAsTyped() {
        Session s = run("1 +", "let x = // the end", "x", "1 + 2 // three", "[1, 2][0] /* one */", "[1][3]");
        assertEquals(List.of("3", "1"), s.lines(), s.err());
        assertEquals("<repl-1>:1:4: syntax error: unexpected end of file\n"
                        + "  1 +\n"
                        + "     ^\n"
                        + "<repl-2>:1:8: syntax error: unexpected end of file\n"
                        + "  let x = // the end\n"
                        + "         ^\n"
                        + "<repl-3>:1:1: error: undefined name 'x'\n"
                        + "  x\n"
                        + "  ^\n"
                        + "<repl-6>:1:1: error: index 3 out of range for list of length 1\n"
                        + "  [1][3]\n"
                        + "  ^\n"
                        + "  at <main> (<repl-6>:1:1)\n", s.err());
    }

    /**
     * `:time` counts the cycles the expression took, as `now()` around it does in a program: it
     * also counted the session's start of the input's thread (`:time 6 * 7` said 402 cycles). An
     * input that does not compile gets its errors and no time.
     */
    @Test
    void timeCountsTheExpressionsCyclesOnly() {
        Session s = run("fn fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }",
                        ":time fib(15)", "let t0 = now(); fib(15); now() - t0", ":time 6 * 7", ":time 1 +");
        List<String> lines = s.lines();
        assertEquals(5, lines.size(), s.out() + s.err());
        assertEquals("610", lines.get(0));
        java.util.regex.Matcher timed = java.util.regex.Pattern.compile("time: (\\d+) cycles \\(virtual\\), \\d+\\.\\d{3} ms \\(wall\\)").matcher(lines.get(1));
        assertTrue(timed.matches(), lines.get(1));
        assertEquals(lines.get(2), timed.group(1), "the cycles :time counts and now() measures");
        assertEquals("42", lines.get(3));
        assertTrue(lines.get(4).startsWith("time: 0 cycles (virtual), "), lines.get(4));
        assertTrue(s.err().startsWith("<repl-5>:1:4: syntax error: unexpected end of file\n"), s.err());
    }

    /** A line starting with `:` is a command: one starting with an atom was only "unknown command". */
    @Test
    void anUnknownCommandThatIsAnAtomSaysHowToWriteTheInput() {
        Session s = run(":ok == :ok", "(:ok == :ok)", ":thraeds", ": x");
        assertEquals(List.of("unknown command :ok (:help lists them); an input that starts with an atom is written in brackets: (:ok == :ok)",
                        "true",
                        "unknown command :thraeds (:help lists them); an input that starts with an atom is written in brackets: (:thraeds)",
                        "unknown command : (:help lists them)"), s.lines(), s.err());
    }

    /** A number too large for its command was "not a number". */
    @Test
    void aNumberOutOfRangeIsSaidToBeOne() {
        Session s = run(":seed 99999999999999999999", ":cores 99999999999999999999", ":seed x1", ":seed -9223372036854775808");
        assertEquals(List.of(":seed: takes a 64-bit number, got 99999999999999999999, which is out of range",
                        ":cores: takes a number from 1 to 1024, got 99999999999999999999",
                        ":seed: takes a number, got 'x1'",
                        "session reset: seed -9223372036854775808"), s.lines(), s.err());
    }

    /** A fresh session ended the trace without a word, and what ran after it was not in the file. */
    @Test
    void aFreshSessionSaysThatItEndedTheTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("t.json");
        Session s = run(":trace " + file, "start { print(\"traced\"); };", ":cores 2", ":reset");
        assertEquals(List.of("tracing to " + file + " (:trace off completes the file)", "traced", "<thread 2>",
                        "session reset: uniform: 2 cores in 1 package; latency from core 0: 2 (x1) 75 (x1)",
                        "trace " + file + " completed; the fresh session is not traced (:trace FILE starts another)",
                        "session reset: uniform: 2 cores in 1 package; latency from core 0: 2 (x1) 75 (x1)"), s.lines(), s.err());
        assertTrue(java.nio.file.Files.readString(file).strip().endsWith("}"), "the file is complete");
    }

    /** As the command line's --seed and --cores: a leading `+` is a sign, for both alike. */
    @Test
    void aPlusSignIsTakenByBothNumericCommands() {
        Session s = run(":seed +5", ":cores +2", ":cores +x");
        assertEquals(List.of("session reset: seed 5", "session reset: uniform: 2 cores in 1 package; latency from core 0: 2 (x1) 75 (x1)",
                        ":cores: takes a number from 1 to 1024, got '+x'"), s.lines(), s.err());
    }

    @Test
    void coresMustBePositiveWhateverTheMachine() {
        Session s = run(":machine amd-8x4", ":cores 0", ":cores -2");
        assertEquals(":cores: takes a number from 1 to 1024, got 0", s.lines().get(1), s.out());
        assertEquals(":cores: takes a number from 1 to 1024, got -2", s.lines().get(2), s.out());
    }

    @Test
    void incompleteInputIsDetectedOutsideStringsAndComments() {
        assertTrue(ChanLineParser.isOpen("fn f() {"));
        assertTrue(ChanLineParser.isOpen("print(\"a)\""));
        assertFalse(ChanLineParser.isOpen("let s = \"open"), "a string ends with its line");
        assertFalse(ChanLineParser.isOpen("print(\"open"));
        assertFalse(ChanLineParser.isOpen("print(\"open\\"));
        assertTrue(ChanLineParser.isOpen("print(\"a\\\"\",\n  \"b\""));
        assertTrue(ChanLineParser.isOpen("/* a comment"));
        assertFalse(ChanLineParser.isOpen("print(\"{\"); // ( [ {"));
        assertFalse(ChanLineParser.isOpen("let m = {\"a\" => [1, (2, 3)]};"));
        assertFalse(ChanLineParser.isOpen(")"));
    }

    /**
     * Brackets that already fail to pair end the input, as an unterminated string does: it runs and
     * its error shows, and the inputs after it are not taken into it (found by mutation fuzzing: a
     * piped session lost every input after `fn f( {`, `}`, `print(2);`, as a terminal kept asking for more).
     */
    @Test
    void bracketsThatCannotPairEndTheInput() {
        assertFalse(ChanLineParser.isOpen("fn f( }"), "a } closing a (");
        assertFalse(ChanLineParser.isOpen("print(1;"), "a ; directly inside a (");
        assertFalse(ChanLineParser.isOpen("let xs = [1, 2;"), "a ; directly inside a [");
        assertTrue(ChanLineParser.isOpen("fn f( {\n}"), "the { closed, the ( still open");
        assertFalse(ChanLineParser.isOpen("fn f( {\n}\nprint(2);"));
        assertTrue(ChanLineParser.isOpen("start (fn () { let x = 1;"), "a ; inside a { inside a (");
        assertTrue(ChanLineParser.isOpen("let m = {\"a\" => [1, (2,"));

        Session s = run("fn f( {", "}", "print(2);", "print(3);");
        assertTrue(s.err().startsWith("<repl-1>:3:9: syntax error: unexpected ';': expected ')' to close the '(' at 1:5\n"), s.err());
        assertEquals(List.of("3"), s.lines().stream().filter(l -> !l.startsWith("<") && !l.startsWith(" ")).toList(), s.out());
    }
}
