package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import chan.grammar.ChanParser.*;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.api.Test;

/**
 * Where functions check the quantum: before the calls that may recur (a call by name on a cycle of
 * calls, a call through a value), and at the entry of a function that would fan out into too many
 * entries without a check.
 */
class EntryChecksTest {
    private static final Set<String> BUILTINS = Set.of("print", "len", "push", "now");

    private static EntryChecks analyse(ProgramContext tree) {
        return new EntryChecks(tree, BUILTINS::contains, (alias, member) -> alias.equals("safe"), (alias, member) -> alias.equals("safe"));
    }

    private static ProgramContext parse(String program) {
        return new ChanParser(new CommonTokenStream(new ChanLexer(CharStreams.fromString(program)))).program();
    }

    /** The calls that may recur, as "caller: call text", the caller "lambda@LINE" for a function literal. */
    private static Set<String> recurringCalls(String program) {
        ProgramContext tree = parse(program);
        EntryChecks analysis = analyse(tree);
        Set<String> found = new TreeSet<>();
        for (TopDeclContext top : tree.topDecl()) {
            if (top.funcDecl() != null) {
                collectCalls(top.funcDecl().block(), top.funcDecl(), top.funcDecl().fnName.getText(), analysis, found);
            } else {
                collectCalls(top, null, null, analysis, found);
            }
        }
        return found;
    }

    private static void collectCalls(ParseTree t, ParserRuleContext function, String name, EntryChecks analysis, Set<String> found) {
        if (t instanceof LambdaPrimaryContext l) {
            function = l;
            name = "lambda@" + l.getStart().getLine();
        }
        if (t instanceof CallPostfixContext call && function != null && analysis.mayRecur(function, call)) {
            found.add(name + ": " + call.getText());
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectCalls(t.getChild(i), function, name, analysis, found);
        }
    }

    /** The named functions that check at their entry. */
    private static Set<String> checkedAtEntry(String program) {
        ProgramContext tree = parse(program);
        EntryChecks analysis = analyse(tree);
        Set<String> found = new TreeSet<>();
        for (TopDeclContext top : tree.topDecl()) {
            if (top.funcDecl() != null && analysis.checksAtEntry(top.funcDecl())) {
                found.add(top.funcDecl().fnName.getText());
            }
        }
        return found;
    }

    @Test
    void callsOfBuiltinsAndOfFunctionsOffEveryCycleCannotRecur() {
        assertEquals(Set.of(), recurringCalls("""
                        fn leaf(x) { if (x > 0) { return x + 1; } return 0; }
                        fn printer(a) { print(len(a), now()); push(a, 1); }
                        fn c(x) { return a(x) + b(x); }
                        fn a(x) { return b(x) * 2; }
                        fn b(x) { return leaf(x); }
                        fn w(n) { while (n > 0) { n -= 1; b(n); } }
                        """));
    }

    @Test
    void callsAlongACycleMayRecurAndCallsIntoOneDoNot() {
        assertEquals(Set.of("fib: fib(n-1)", "fib: fib(n-2)", "even: odd(n-1)", "odd: third(n-1)", "third: even(n)"),
                        recurringCalls("""
                                        fn fib(n) { if (n < 2) { return leaf(n); } return fib(n - 1) + fib(n - 2); }
                                        fn even(n) { if (n == 0) { return true; } return odd(n - 1); }
                                        fn odd(n) { if (n == 0) { return false; } return third(n - 1); }
                                        fn third(n) { return even(n) && leaf(n); }
                                        fn uses_odd(n) { return odd(n); }
                                        fn leaf(n) { return n; }
                                        """));
    }

    @Test
    void callsThroughValuesMayRecur() {
        assertEquals(Set.of("apply: f(x)", "member: m.leaf(1)", "indexed: fs[0](1)", "unknown: nowhere(1)", "lambda@6: g(x)"),
                        recurringCalls("""
                                        fn leaf(x) { return x; }
                                        fn apply(f, x) { return f(x); }
                                        fn member(m) { return m.leaf(1); }
                                        fn indexed(fs) { return fs[0](1); }
                                        fn unknown() { return nowhere(1); }
                                        fn calls(g) { return fn(x) => g(x) + leaf(x); }
                                        """));
    }

    @Test
    void aCallOfAnotherModulesFunctionThatCannotCallBackCannotRecur() {
        // In these tests the module `safe` has only such functions, any other module none.
        assertEquals(Set.of("other_module: other.f(1)", "shadowed: safe.f(1)"), recurringCalls("""
                        fn safe_module() { return safe.f(1); }
                        fn other_module() { return other.f(1); }
                        fn shadowed(safe) { return safe.f(1); }
                        """));
    }

    @Test
    void aFunctionThatCallsAValueEvenThroughOthersMayCallBack() {
        ProgramContext tree = parse("""
                        fn leaf(x) { return x; }
                        fn loops(n) { while (n > 0) { n = leaf(n) - 1; } }
                        fn rec(n) { if (n > 0) { rec(n - 1); } }
                        fn uses_safe() { return safe.f(1); }
                        fn apply(f) { return f(1); }
                        fn via(g) { return apply(g); }
                        fn viaa(g) { return via(g); }
                        fn other_module() { return other.f(1); }
                        fn makes() { return fn(x) => x(1); }
                        """);
        assertEquals(Set.of("leaf", "loops", "rec", "uses_safe", "makes"), analyse(tree).functionsThatCannotCallBack());
    }

    @Test
    void aLocalNamedAsAFunctionOrBuiltinShadowsIt() {
        assertEquals(Set.of("param: leaf(1)", "let_bound: print(1)", "pattern: len(y)", "caught: leaf(2)", "caught: leaf(1)"),
                        recurringCalls("""
                                        fn leaf(x) { return x; }
                                        fn param(leaf) { return leaf(1); }
                                        fn let_bound() { let print = fn(x) => x; return print(1); }
                                        fn pattern(p) { let (len, y) = p; return len(y); }
                                        fn caught() { try { leaf(1); } catch (leaf) { leaf(2); } }
                                        """));
    }

    @Test
    void aFunctionThatWouldFanOutIntoTooManyEntriesChecksAtItsEntry() {
        // f_k makes 2^(k+1) - 1 entries: f6's 127 pass the limit of 100, so f6 checks, and f7,
        // whose calls of f6 check at once, makes 1. wide makes 1 + 63 + 36 = 100, the limit. A
        // recursion counts its own entry and its calls off its cycle: rec makes 1 + 63 + 63.
        assertEquals(Set.of("f6", "too_wide", "rec"), checkedAtEntry("""
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
                        fn rec(n) { if (n > 0) { rec(n - 1); } f5(); f5(); }
                        fn rec_small(n) { if (n > 0) { rec_small(n - 1); } f5(); }
                        """));
    }
}
