package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated programs larger than anyone writes by hand: a function past the Bytecode DSL's 16-bit
 * limits is a compile error at its first token (exit 2), not an internal error; an expression tens
 * of thousands of operators deep compiles (in linear time: the builder's source sections) and its
 * errors still point at the right operator.
 */
class LargeProgramsTest {
    @TempDir
    Path dir;

    /** Writes the program as {@code name} in the test's directory and runs it. */
    private RunChan run(String name, String program) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, program);
        return RunChan.run(file.toString());
    }

    private static String lets(int n, String indent) {
        return IntStream.range(0, n).mapToObj(i -> indent + "let v" + i + " = " + i + ";\n").collect(Collectors.joining());
    }

    private void assertTooLarge(RunChan r, String file, int line, int column, String what, String sourceLine) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(dir.resolve(file) + ":" + line + ":" + column + ": error: " + what
                        + " is too large to compile: the interpreter holds at most about 16 000 variables and temporaries, and 32 767"
                        + " constants or operands of one operation, in one function; split it into smaller functions\n  " + sourceLine + "\n  " + " ".repeat(column - 1) + "^\n"),
                        r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aFunctionWithMoreLocalsThanTheBytecodeHoldsIsACompileError() throws IOException {
        String program = "print(1);\n\nfn main() {\n" + lets(16_400, "  ") + "  return v0;\n}\n\nprint(main());\n";
        assertTooLarge(run("locals.chan", program), "locals.chan", 3, 1, "function 'main'", "fn main() {");
    }

    @Test
    void aTopLevelWithMoreLocalsThanTheBytecodeHoldsIsACompileError() throws IOException {
        assertTooLarge(run("top.chan", lets(16_400, "") + "print(v0);\n"), "top.chan", 1, 1, "this file's top level", "let v0 = 0;");
    }

    @Test
    void aFunctionLiteralWithMoreLocalsThanTheBytecodeHoldsIsACompileError() throws IOException {
        String program = "let f = fn () {\n" + lets(16_400, "  ") + "  return v0;\n};\nprint(f());\n";
        assertTooLarge(run("literal.chan", program), "literal.chan", 1, 9, "this function", "let f = fn () {");
    }

    @Test
    void aListLiteralOfMoreElementsThanTheBytecodeHoldsIsACompileError() throws IOException {
        String strings = IntStream.range(0, 33_000).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(", "));
        String program = "fn words() {\n  let all = [" + strings + "];\n  return len(all);\n}\nprint(words());\n";
        assertTooLarge(run("constants.chan", program), "constants.chan", 1, 1, "function 'words'", "fn words() {");
    }

    @Test
    void anExpressionDeeperThanTheOperandStackIsACompileError() throws IOException {
        int n = 33_000;   // 1+(1+(…)): each level leaves its 1 on the operand stack, whose height is 16 bits
        RunChan r = run("stack.chan", "print(" + "1+(".repeat(n) + "1" + ")".repeat(n) + ");\n");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(dir.resolve("stack.chan") + ":1:1: error: this file's top level is too large to compile: an expression"
                        + " nested more deeply than the interpreter's operand stack allows; split it into smaller functions\n"), r.err());
    }

    @Test
    void aFunctionJustUnderTheLimitRuns() throws IOException {
        String program = "fn main() {\n" + lets(16_000, "  ") + "  return v15999;\n}\nprint(main());\n";
        RunChan r = run("under.chan", program);
        assertEquals(0, r.exit(), r.err());
        assertEquals("15999\n", r.out());
    }

    @Test
    void anExpressionTwentyThousandOperatorsDeepCompilesAndRuns() throws IOException {
        String sum = IntStream.range(0, 20_000).mapToObj(i -> "1").collect(Collectors.joining("+"));
        RunChan r = run("chain.chan", "print(" + sum + ");\n");
        assertEquals(0, r.exit(), r.err());
        assertEquals("20000\n", r.out());
    }

    /** `(`…`)` is one grammar alternative for `()`, `(e)`, `(e,)` and tuples, so nesting costs the parser no lookahead past it. */
    @Test
    void parenthesesAndListsTenThousandDeepParse() throws IOException {
        int n = 10_000;
        String program = "print(" + "(".repeat(n) + "1" + ")".repeat(n) + ", " + "(".repeat(n) + "2," + ")".repeat(n)
                        + ", len(" + "[".repeat(n) + "3" + "]".repeat(n) + "));\n";
        RunChan r = run("nested.chan", program);
        assertEquals(0, r.exit(), r.err());
        assertEquals("1 (2,) 1\n", r.out());
    }

    /** A `{` starting a statement is found to be a block from its matching `}` (BlockPrediction), not by looking inside it. */
    @Test
    void blocksTwentyThousandDeepParse() throws IOException {
        int n = 20_000;
        String program = "{".repeat(n) + "let m = {1 => {2 => 3}}; print(m[1][2]); {1 => 2}[1];" + "}".repeat(n) + "\n";
        RunChan r = run("blocks.chan", program);
        assertEquals(0, r.exit(), r.err());
        assertEquals("3\n", r.out());
    }

    /**
     * Brackets left open by the hundred thousand are reported at once (UnpairedBracket): ANTLR looked for
     * the missing ones to the end of the file from each (100 000 `{` printed nothing in 15 minutes). The
     * time limit is far above the second or two it takes, and far below the minutes it took.
     */
    @Test
    @Timeout(60)
    void bracketsAHundredThousandDeepThatNeverCloseAreReportedAtOnce() throws IOException {
        int n = 100_000;
        String[] openers = {"{", "(", "[", "start {", "f(", "let x = {"};
        for (String opener : openers) {
            RunChan r = run("unclosed.chan", opener.repeat(n) + "\n");
            String innermost = opener.substring(opener.length() - 1);
            String closer = innermost.equals("{") ? "}" : innermost.equals("(") ? ")" : "]";
            int end = opener.length() * n + 1;
            assertEquals(2, r.exit(), opener + ": " + r.err());
            assertTrue(r.err().startsWith(dir.resolve("unclosed.chan") + ":1:" + end + ": syntax error: unexpected end of file: expected '" + closer
                            + "' to close the '" + innermost + "' at 1:" + (end - 1) + "\n"), opener + ": " + r.err().substring(0, 200));
        }
        RunChan r = run("mismatched.chan", "{".repeat(n) + ")" + "}".repeat(n) + "\n");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(dir.resolve("mismatched.chan") + ":1:" + (n + 1) + ": syntax error: unexpected ')': expected '}' to close the '{' at 1:" + n + "\n"),
                        r.err().substring(0, 200));
    }

    /** A statement with no `;` after its brackets is an expression statement missing it (BlockPrediction): ANTLR looked to the end of the file (10 000 deep took 14 s). */
    @Test
    @Timeout(60)
    void aStatementFiftyThousandParenthesesDeepWithoutItsSemicolonIsReportedAtOnce() throws IOException {
        int n = 50_000;
        RunChan r = run("no_semicolon.chan", "(".repeat(n) + ")".repeat(n) + "\n");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(dir.resolve("no_semicolon.chan") + ":1:" + (2 * n + 1) + ": syntax error: unexpected end of file: expected ';'\n"),
                        r.err().substring(0, 200));
    }

    /** Inside a deep expression, in a function literal built while the chain is half-built, an error names its own operator. */
    @Test
    void errorsDeepInALongExpressionPointAtTheirOperator() throws IOException {
        String head = "let n = 0;\nprint(" + "1+".repeat(5_000);
        String program = head + "(fn () { return " + "2+".repeat(100) + "(7 / n); })()" + "+1".repeat(5_000) + ");\n";
        RunChan r = run("deep_error.chan", program);
        assertEquals(1, r.exit(), r.err());
        int column = head.length() - "let n = 0;\n".length() + "(fn () { return ".length() + "2+".repeat(100).length() + "(7 ".length() + 1;
        assertTrue(r.err().startsWith(dir.resolve("deep_error.chan") + ":2:" + column + ": error: division by zero"), r.err());
        assertEquals("", r.out());
    }
}
