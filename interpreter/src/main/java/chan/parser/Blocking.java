package chan.parser;

import chan.grammar.ChanParser.*;
import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Whether evaluating a tree may block the thread: it receives, calls or starts a thread (which
 * waits for the thread's turn), outside the bodies of function expressions and `start` blocks
 * (which run later, in their own frames). `start f(a)` does not call f here, but evaluates f and a.
 *
 * <p>Each operation asks this of its operands, and an operand's answer is its subtrees' answers, so
 * every answer is kept: asked afresh, a chain like {@code 1 + 1 + ... + 1} of n terms (a tree n
 * deep) cost n^2 steps, minutes for a generated file of 50 000 terms.
 */
final class Blocking {
    private final Map<ParseTree, Boolean> known = new IdentityHashMap<>();

    boolean mayBlock(ParseTree t) {
        if (t instanceof LambdaPrimaryContext || t instanceof BlockContext) {
            return false;
        }
        if (t instanceof RecvExprContext || t instanceof RecvStatusExprContext || t instanceof StartExprContext) {
            return true;
        }
        if (t instanceof CallPostfixContext && !(t.getParent() instanceof StartExprContext)) {
            return true;
        }
        Boolean answer = known.get(t);
        if (answer == null) {
            answer = false;
            for (int i = 0; i < t.getChildCount() && !answer; i++) {
                answer = mayBlock(t.getChild(i));
            }
            known.put(t, answer);
        }
        return answer;
    }
}
