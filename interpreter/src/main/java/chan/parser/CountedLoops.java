package chan.parser;

import chan.grammar.ChanParser.*;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Which loops count their back-edges' cycles in a local (StatementCompiler.visitCountedWhile): a
 * `while` whose condition and body contain nothing that reads or moves the core's clock or can
 * suspend: no call (a built-in may read the clock, a function charges its entry), no channel
 * operation, `start`, `choose`, no inner loop (it charges its own back-edges), no `return`, `throw`
 * or `try`, no function literal. What is left (arithmetic, locals, indexing, fields, `if`, `match`,
 * `break`, `continue`) runs without the scheduler, so deferring the clock's update to the loop's
 * exits and quantum checks cannot be seen.
 */
final class CountedLoops {
    private CountedLoops() {}

    static boolean cannotSeeClock(WhileStmtContext w) {
        return clockFree(w.cond) && clockFree(w.body);
    }

    private static boolean clockFree(ParseTree t) {
        if (t instanceof CallPostfixContext || t instanceof RecvExprContext || t instanceof RecvStatusExprContext
                        || t instanceof StartExprContext || t instanceof LambdaPrimaryContext
                        || t instanceof WhileStmtContext || t instanceof ForStmtContext || t instanceof ReturnStmtContext
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
