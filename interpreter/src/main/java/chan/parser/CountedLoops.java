package chan.parser;

import chan.grammar.ChanParser.*;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Which loops count their back-edges' cycles in a local (StatementCompiler.visitCountedWhile): a
 * `while` whose condition and body, or a `for` over `range(...)` whose body, contain nothing that
 * reads or moves the core's clock or can suspend: no call (a function charges its entry, a built-in
 * may read the clock) but of the pure built-ins {@link #PURE} (`while (i < len(xs))`), no channel
 * operation, `start`, `choose`, no inner loop (it charges its own back-edges), no `throw` or `try`,
 * no function literal. What is left (arithmetic, locals, indexing, fields, `if`, `match`, `break`,
 * `continue`, `return`, `len`, `abs`, `sqrt`) runs without the scheduler, so deferring the clock's
 * update to the loop's exits and quantum checks cannot be seen.
 */
final class CountedLoops {
    private CountedLoops() {}

    /**
     * Built-ins that neither read nor move the clock nor suspend, and that compiled code inlines
     * (Builtin.inlinable): a call of one charges nothing, as arithmetic does.
     */
    private static final Set<String> PURE = Set.of("len", "abs", "sqrt");

    /** {@code calledBuiltin}: the built-in a call calls where the loop starts, or null (ModuleCompiler.calledBuiltin). */
    static boolean cannotSeeClock(WhileStmtContext w, Function<CallPostfixContext, String> calledBuiltin) {
        if (!comparesOrder(w.cond)) {
            return false;
        }
        Set<String> boundInside = new HashSet<>();
        namesBound(w.body, false, boundInside);
        Predicate<CallPostfixContext> pure = pureCalls(calledBuiltin, boundInside);
        return clockFree(w.cond, pure) && clockFree(w.body, pure);
    }

    /**
     * The same for a `for` over `range(a, b)` or `range(a, b, step)` of the built-in with a literal
     * step (StatementCompiler.visitForRange): its head only compares two ints, so only its body
     * decides. A `for` over anything else walks a collection or a channel, which may block.
     */
    static boolean cannotSeeClock(ForStmtContext f, Function<CallPostfixContext, String> calledBuiltin) {
        Set<String> boundInside = new HashSet<>();
        namesBound(f.pattern(), true, boundInside);
        namesBound(f.body, false, boundInside);
        return clockFree(f.body, pureCalls(calledBuiltin, boundInside));
    }

    /** Calls of a {@link #PURE} built-in whose name nothing inside the loop binds to something else. */
    private static Predicate<CallPostfixContext> pureCalls(Function<CallPostfixContext, String> calledBuiltin, Set<String> boundInside) {
        return call -> {
            String builtin = calledBuiltin.apply(call);
            return builtin != null && PURE.contains(builtin) && !boundInside.contains(builtin);
        };
    }

    /** Every name a `let`, `const` or pattern inside {@code t} may bind (a superset: each name in one). */
    static void namesBound(ParseTree t, boolean inBinding, Set<String> names) {
        boolean binding = inBinding || t instanceof PatternContext || t instanceof FieldPatternContext
                        || t instanceof ConstStmtContext;
        if (binding && t instanceof TerminalNode leaf) {
            names.add(leaf.getText().startsWith(":") ? leaf.getText().substring(1) : leaf.getText());
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            namesBound(t.getChild(i), binding, names);
        }
    }

    /**
     * Whether the condition orders two values (`<`, `<=`, `>`, `>=`), alone or under `&&`, `||` and
     * parentheses: a loop over a range of numbers, which usually runs many iterations. Counting pays
     * per iteration and costs per entry (the budget read, the settlement: about ten instructions), so
     * a loop that usually runs once or twice, such as a walk to the end of a short list (`while (link
     * != nil)`), is left to charge its back-edges (Richards ran slower with it counted).
     */
    private static boolean comparesOrder(ExprContext cond) {
        if (cond instanceof BinaryExprContext b) {
            String op = b.op.getText();
            return op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=");
        }
        if (cond instanceof AndExprContext a) return comparesOrder(a.left) || comparesOrder(a.right);
        if (cond instanceof OrExprContext o) return comparesOrder(o.left) || comparesOrder(o.right);
        if (cond instanceof PostfixExprContext p && p.postfix() instanceof PrimaryPostfixContext pp
                        && pp.primary() instanceof ParenPrimaryContext paren) {
            ExprContext inner = ExpressionCompiler.parenthesized(paren);   // null: a tuple
            return inner != null && comparesOrder(inner);
        }
        return false;
    }

    /** Whether a counted loop's body returns from the function (it then leaves through the settlement). */
    static boolean containsReturn(ParseTree t) {
        if (t instanceof ReturnStmtContext) return true;
        for (int i = 0; i < t.getChildCount(); i++) {
            if (containsReturn(t.getChild(i))) return true;
        }
        return false;
    }

    private static boolean clockFree(ParseTree t, Predicate<CallPostfixContext> pure) {
        if (t instanceof CallPostfixContext call && pure.test(call)) {
            return call.args() == null || clockFree(call.args(), pure);
        }
        if (t instanceof CallPostfixContext || t instanceof RecvExprContext || t instanceof RecvStatusExprContext
                        || t instanceof StartExprContext || t instanceof LambdaPrimaryContext
                        || t instanceof WhileStmtContext || t instanceof ForStmtContext
                        || t instanceof ThrowStmtContext || t instanceof TryStmtContext || t instanceof ChooseStmtContext
                        || t instanceof PriChooseStmtContext || t instanceof SendStmtContext) {
            return false;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (!clockFree(t.getChild(i), pure)) return false;
        }
        return true;
    }
}
