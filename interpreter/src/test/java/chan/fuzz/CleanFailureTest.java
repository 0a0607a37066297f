package chan.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import chan.fuzz.ProgramRunner.Result;
import org.junit.jupiter.api.Test;

/** The mutation fuzzer's judge ({@link CleanFailure}) passes the endings docs/errors.md shows and catches the others. */
class CleanFailureTest {
    private static final String POSITIONED = "p.chan:3:5: error: division by zero\n  print(1 / 0);\n          ^\n  at <main> (p.chan:3:5)\n";

    @Test
    void theContractsEndingsPass() {
        assertNull(CleanFailure.problem(new Result(0, "1\n", "", false)));
        assertNull(CleanFailure.problem(new Result(0, "", "thread 2 (p.chan:4) crashed: division by zero\n", false)));
        assertNull(CleanFailure.problem(new Result(1, "", POSITIONED, false)));
        assertNull(CleanFailure.problem(new Result(2, "", "p.chan:1:7: syntax error: unexpected ')'\n  print()\n        ^\n", false)));
        assertNull(CleanFailure.problem(new Result(2, "", "chan: unknown machine 'x' (known: uniform)\n", false)));
        assertNull(CleanFailure.problem(new Result(3, "", "deadlock: all threads are blocked\n  thread 1 (main) on core 0: receive at p.chan:2:1\n", false)));
    }

    @Test
    void everyOtherEndingIsCaught() {
        assertEquals("internal error", CleanFailure.problem(new Result(70, "", "internal error: java.lang.NullPointerException\n", false)));
        assertEquals("a Java exception or stack frame in the output",
                        CleanFailure.problem(new Result(1, "", POSITIONED + "\tat chan.nodes.Foo.bar(Foo.java:12)\n", false)));
        assertEquals("a Java exception or stack frame in the output",
                        CleanFailure.problem(new Result(2, "cannot read: java.nio.charset.MalformedInputException: Input length = 1\n", "", false)));
        assertEquals("an error without file:line:column, source line and caret", CleanFailure.problem(new Result(1, "", "error: boom\n", false)));
        assertEquals("exit code 4 (the contract's are 0, 1, 2 and 3)", CleanFailure.problem(new Result(4, "", "", false)));
        assertEquals("exit 3 without `deadlock: all threads are blocked`", CleanFailure.problem(new Result(3, "", "", false)));
        assertEquals("exit 0 with stderr that is not a crashed thread's line: warning", CleanFailure.problem(new Result(0, "", "warning\n", false)));
        assertEquals("timed out, and cancelling did not stop it (a hang outside guest code)", CleanFailure.problem(new Result(-1, "", "", true)));
    }
}
