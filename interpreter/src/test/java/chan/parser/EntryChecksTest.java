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
 * Which functions charge their entry without a quantum check: those that cannot be part of a
 * recursion and cannot fan out into many entries without one.
 */
class EntryChecksTest {
    private static final Set<String> BUILTINS = Set.of("print", "len", "push", "now");

    /** The named functions whose entry is unchecked, and "lambda@LINE" for each such function literal. */
    private static Set<String> unchecked(String program) {
        ChanParser parser = new ChanParser(new CommonTokenStream(new ChanLexer(CharStreams.fromString(program))));
        ProgramContext tree = parser.program();
        EntryChecks analysis = new EntryChecks(tree, BUILTINS::contains);
        Set<String> found = new TreeSet<>();
        for (TopDeclContext top : tree.topDecl()) {
            if (top.funcDecl() != null && analysis.uncheckedEntry(top.funcDecl())) {
                found.add(top.funcDecl().fnName.getText());
            }
        }
        collectLambdas(tree, analysis, found);
        return found;
    }

    private static void collectLambdas(ParseTree t, EntryChecks analysis, Set<String> found) {
        if (t instanceof LambdaPrimaryContext l && analysis.uncheckedEntry(l)) {
            found.add("lambda@" + l.getStart().getLine());
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectLambdas(t.getChild(i), analysis, found);
        }
    }

    @Test
    void codeThatCallsOnlyBuiltinsIsUnchecked() {
        assertEquals(Set.of("leaf", "printer", "empty"), unchecked("""
                        fn leaf(x) { if (x > 0) { return x + 1; } return 0; }
                        fn printer(a) { print(len(a), now()); push(a, 1); }
                        fn empty() {}
                        """));
    }

    @Test
    void callsByNameOffEveryCycleAreUnchecked() {
        assertEquals(Set.of("a", "b", "c"), unchecked("""
                        fn c(x) { return a(x) + b(x); }
                        fn a(x) { return b(x) * 2; }
                        fn b(x) { return x; }
                        """));
    }

    @Test
    void loopsDoNotMatterTheirBackEdgesCheck() {
        assertEquals(Set.of("w", "f", "calls_a_loop"), unchecked("""
                        fn w(n) { while (n > 0) { n -= 1; } }
                        fn f(xs) { for (x in xs) { print(x); w(x); } }
                        fn calls_a_loop() { w(3); }
                        """));
    }

    @Test
    void everyFunctionOnARecursionChecks() {
        // Calling a recursion is not being on one: uses_odd's caller cannot be entered again through it.
        assertEquals(Set.of("leaf", "uses_odd"), unchecked("""
                        fn fib(n) { if (n < 2) { return leaf(n); } return fib(n - 1) + fib(n - 2); }
                        fn even(n) { if (n == 0) { return true; } return odd(n - 1); }
                        fn odd(n) { if (n == 0) { return false; } return third(n - 1); }
                        fn third(n) { return even(n); }
                        fn uses_odd(n) { return odd(n); }
                        fn leaf(n) { return n; }
                        """));
    }

    @Test
    void callsThroughValuesMayRecur() {
        assertEquals(Set.of("leaf"), unchecked("""
                        fn leaf(x) { return x; }
                        fn apply(f, x) { return f(x); }
                        fn member(m) { return m.leaf(1); }
                        fn indexed(fs) { return fs[0](1); }
                        fn unknown() { return nowhere(1); }
                        """));
    }

    @Test
    void aLocalNamedAsAFunctionOrBuiltinShadowsIt() {
        // (The literal `fn(x) => x` on line 3 is unchecked itself.)
        assertEquals(Set.of("leaf", "lambda@3"), unchecked("""
                        fn leaf(x) { return x; }
                        fn param(leaf) { return leaf(1); }
                        fn let_bound() { let print = fn(x) => x; return print(1); }
                        fn pattern(p) { let (len, y) = p; return len(y); }
                        fn caught() { try { leaf(1); } catch (leaf) { leaf(2); } }
                        """));
    }

    @Test
    void functionLiteralsAreJudgedOnTheirOwnBodies() {
        // Making a closure runs none of its body; the literal's own body decides for it.
        assertEquals(Set.of("leaf", "makes", "loops", "calls", "lambda@2", "lambda@3", "lambda@5"), unchecked("""
                        fn leaf(x) { return x; }
                        fn makes() { return fn(x) => leaf(x) + 1; }
                        fn loops(n) { let f = fn() { print(n); }; while (n > 0) { n -= 1; } return f; }
                        fn calls(g) { return fn(x) => g(x); }
                        let top = fn(n) { while (n > 0) { n -= 1; } };
                        """));
    }

    @Test
    void startingAThreadIsJudgedAsACall() {
        assertEquals(Set.of("leaf", "starts_leaf", "starts_recursion"), unchecked("""
                        fn leaf(x) { return x; }
                        fn r(n) { if (n > 0) { r(n - 1); } }
                        fn starts_leaf() { start leaf(1); }
                        fn starts_recursion() { start r(1); }
                        fn starts_value(f) { start f(1); }
                        """));
    }

    @Test
    void aFunctionThatWouldFanOutIntoTooManyEntriesChecks() {
        // f_k makes 2^(k+1) - 1 entries: f6's 127 pass the limit of 100, so f6 checks, and f7,
        // whose calls of f6 check at once, makes 1. wide makes 1 + 63 + 36 = 100, the limit.
        assertEquals(Set.of("f0", "f1", "f2", "f3", "f4", "f5", "f7", "wide"), unchecked("""
                        fn f0() {}
                        fn f1() { f0(); f0(); }
                        fn f2() { f1(); f1(); }
                        fn f3() { f2(); f2(); }
                        fn f4() { f3(); f3(); }
                        fn f5() { f4(); f4(); }
                        fn f6() { f5(); f5(); }
                        fn f7() { f6(); f6(); }
                        fn wide() { f5(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); f0(); }
                        fn too_wide() { f5(); f5(); }
                        """));
    }
}
