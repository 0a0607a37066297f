package chan.parser;

import chan.grammar.ChanParser.*;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Which loops count their back-edges' cycles in a local (StatementCompiler.visitCountedWhile): a
 * `while` whose condition and body contain nothing that reads or moves the core's clock or can
 * suspend: no call (a built-in may read the clock, a function charges its entry), no channel
 * operation, `start`, `choose`, no inner loop (it charges its own back-edges), no `throw` or
 * `try`, no function literal. What is left (arithmetic, locals, indexing, fields, `if`, `match`,
 * `break`, `continue`, `return`) runs without the scheduler, so deferring the clock's update to the
 * loop's exits and quantum checks cannot be seen.
 */
final class CountedLoops {
    private CountedLoops() {}

    static boolean cannotSeeClock(WhileStmtContext w) {
        return comparesOrder(w.cond) && clockFree(w.cond) && clockFree(w.body);
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
            return comparesOrder(paren.expr());
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

    private static boolean clockFree(ParseTree t) {
        if (t instanceof CallPostfixContext || t instanceof RecvExprContext || t instanceof RecvStatusExprContext
                        || t instanceof StartExprContext || t instanceof LambdaPrimaryContext
                        || t instanceof WhileStmtContext || t instanceof ForStmtContext
                        || t instanceof ThrowStmtContext || t instanceof TryStmtContext || t instanceof ChooseStmtContext
                        || t instanceof PriChooseStmtContext || t instanceof SendStmtContext) {
            return false;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (!clockFree(t.getChild(i))) return false;
        }
        return true;
    }
}
