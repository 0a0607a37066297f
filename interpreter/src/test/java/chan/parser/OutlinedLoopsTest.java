package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import chan.grammar.ChanParser.*;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.api.Test;

/**
 * Which loops are outlined (OutlinedLoops): those that may run after their function has been
 * suspended and do not wait themselves, outside `try` bodies and without tail calls of their
 * function. Each program's loops are named by their first line.
 */
class OutlinedLoopsTest {
    private static final Set<String> BUILTINS = Set.of("print", "len", "sleep", "now", "range");

    /** The first lines of the program's loops that would be outlined. */
    private static Set<String> outlined(String program) {
        ProgramContext tree = new ChanParser(new CommonTokenStream(new ChanLexer(CharStreams.fromString(program)))).program();
        EntryChecks checks = new EntryChecks(tree, BUILTINS::contains, (alias, member) -> alias.equals("quiet"), (alias, member) -> alias.equals("quiet"));
        Set<String> found = new TreeSet<>();
        collect(tree, checks, found);
        return found;
    }

    private static void collect(ParseTree t, EntryChecks checks, Set<String> found) {
        if ((t instanceof WhileStmtContext || t instanceof ForStmtContext) && OutlinedLoops.worthOutlining((StatementContext) t, checks)
                        && OutlinedLoops.mayOutline((StatementContext) t, Set.of())) {
            found.add(((StatementContext) t).getStart().getLine() + "");
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collect(t.getChild(i), checks, found);
        }
    }

    @Test
    void aLoopAfterAWaitIsOutlinedAndALoopThatWaitsIsNot() {
        assertEquals(Set.of("3"), outlined("""
                        fn server(c) {
                          let first = <-c;
                          let i = 0; while (i < first) { i += 1; }
                          while (true) { let m = <-c; print(m); }
                        }
                        """));
    }

    @Test
    void onlyWhatRunsBeforeALoopCounts() {
        assertEquals(Set.of("4", "7", "8"), outlined("""
                        fn report_after(c, n) {
                          let i = 0; while (i < n) { i += 1; }
                          c <- i;
                          for (k in range(0, n)) { i += k; }
                        }
                        fn again(c, n) {
                          while (n > 0) { let j = 0; while (j < n) { j += 1; } c <- j; n -= 1; }
                          if (<-c) { while (n < 3) { n += 1; } }
                        }
                        """));
    }

    @Test
    void aFunctionThatNeverWaitsKeepsItsLoopsUnlessAStartedThreadRunsIt() {
        assertEquals(Set.of("5", "8", "9"), outlined("""
                        fn pure(n) {
                          let s = 0; for (i in range(0, n)) { s += i; } return s;
                        }
                        fn worker(n, done) {
                          let s = 0; while (n > 0) { s += helper(n); n -= 1; }
                          done <- s;
                        }
                        fn helper(n) { let t = 0; while (n > 0) { t += n; n -= 1; } return t; }
                        fn block_helper(n) { let t = 0; while (n > 0) { t += n; n -= 1; } return t; }
                        fn main_only(n) { let t = 0; while (n > 0) { t += n; n -= 1; } return t; }
                        fn block_helper2(n) { return block_helper(n); }
                        fn block_helper3(n) { let t = 0; while (n > 0) { t += n; n -= 1; } return t; }
                        start worker(10, done);
                        start { print(block_helper2(3)); };
                        print(pure(3), main_only(4));
                        """));
    }

    @Test
    void waitingIsFoundThroughCallsByNameAndAssumedThroughValues() {
        assertEquals(Set.of("4", "9"), outlined("""
                        fn nap() { sleep(5); }
                        fn a(n) { if (n > 0) { b(n - 1); } else { nap(); } }
                        fn b(n) { a(n); }
                        fn uses_b(n) { b(n); let i = 0; while (i < n) { i += 1; } }
                        fn calls_nap_in_loop(n) { nap(); while (n > 0) { nap(); n -= 1; } }
                        fn through_value(f, n) { f(); while (n > 0) { f(); n -= 1; } }
                        fn loop_prints(n) { sleep(1); while (n > 0) { print(n); n -= 1; } }
                        fn lambda_holder() {
                          return fn (c) { let v = <-c; while (v > 0) { v -= 1; } return v; };
                        }
                        """));
    }

    /** Here `quiet` is a module whose functions never wait (ChanModule.neverWaits), `loud` one whose functions may. */
    @Test
    void anotherModulesFunctionWaitsAsThatModuleSays() {
        assertEquals(Set.of("1", "4"), outlined("""
                        fn uses_quiet(n) { sleep(1); while (n > 0) { quiet.step(n); n -= 1; } }
                        fn uses_loud(n) { sleep(1); while (n > 0) { loud.step(n); n -= 1; } }
                        fn only_quiet(n) { quiet.step(n); while (n > 0) { n -= 1; } }
                        fn only_loud(n) { loud.step(n); while (n > 0) { n -= 1; } }
                        """));
    }

    @Test
    void startBlocksAndTheModuleBodyAreThreadsButTryBodiesKeepTheirLoops() {
        assertEquals(Set.of("1", "2", "4"), outlined("""
                        let i = 0; while (i < 3) { i += 1; }
                        start { let j = 0; while (j < 3) { j += 1; } };
                        fn guarded(c) {
                          let v = <-c; while (v > 0) { v -= 1; }
                          try { while (v < 3) { v += 1; } } catch (e) { print(e); }
                        }
                        for (k in range(0, 3)) { c <- k; }
                        """));
    }
}
