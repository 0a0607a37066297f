package chan.parser;

import chan.grammar.ChanParser.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Which calls of a named function are calls of itself in tail position, compiled as a jump back to
 * the function's start (StatementCompiler.emitTailCall): a proper tail call, as in Erlang, so a
 * loop written as recursion (`return count(n - 1, acc + n);`) runs in constant stack and counts no
 * `--max-depth` level. Two forms:
 * <ul>
 * <li>{@code return f(args);} anywhere in the function;
 * <li>{@code f(args);} as the last statement the function runs (the last of its body, or of a
 * branch of an `if` that is), when no `return` in the function returns a value: every call of f
 * then returns nil, so the caller's own nil is the callee's.
 * </ul>
 * Only a call by the function's own name, with as many arguments as it has parameters (rebound
 * with the entry's type checks; a declared result type is checked where the last call returns,
 * which is where the first check would fail), where nothing inside binds that name; not inside `try` (the
 * handler must see the callee's errors) or a function literal or `start` block (whose calls are not
 * the function's own). Inside a loop, a `match` arm or a `choose` option it may stand: leaving them
 * by a jump leaves nothing undone that leaving them by `return` would do (an option's body runs
 * after its choose has decided). Anything else is an ordinary call.
 */
final class TailCalls {
    private final String name;
    private final int arity;
    private final Set<CallPostfixContext> calls = new HashSet<>();

    private TailCalls(String name, int arity) {
        this.name = name;
        this.arity = arity;
    }

    /** The self tail calls of {@code f}; empty when it has none or is not eligible at all. */
    static Set<CallPostfixContext> of(FuncDeclContext f) {
        String name = f.fnName.getText();
        List<ParamContext> params = f.params() == null ? List.of() : f.params().param();
        TailCalls found = new TailCalls(name, params.size());
        Set<String> bound = new HashSet<>();
        params.forEach(p -> bound.add(p.name().getText()));
        CountedLoops.namesBound(f.block(), false, bound);
        if (bound.contains(name)) {
            return found.calls;
        }
        found.returns(f.block());
        if (!returnsValue(f.block())) {
            found.lastStatement(f.block().statement());
        }
        return found.calls;
    }

    /** Every `return f(args);` outside the constructs that exclude it. */
    private void returns(ParseTree t) {
        if (excluded(t)) {
            return;
        }
        if (t instanceof ReturnStmtContext r && r.expr() != null) {
            selfCall(r.expr());
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            returns(t.getChild(i));
        }
    }

    /** `f(args);` as the last statement that runs, through blocks and `if` branches. */
    private void lastStatement(List<StatementContext> statements) {
        if (statements.isEmpty()) {
            return;
        }
        StatementContext last = statements.get(statements.size() - 1);
        if (last instanceof ExprStmtContext e) {
            selfCall(e.expr());
        } else if (last instanceof BlockStmtContext b) {
            lastStatement(b.block().statement());
        } else if (last instanceof IfStmtContext i) {
            lastOfIf(i.ifStatement());
        }
    }

    private void lastOfIf(IfStatementContext i) {
        lastStatement(i.then.statement());
        if (i.elseIf != null) {
            lastOfIf(i.elseIf);
        } else if (i.elseBlock != null) {
            lastStatement(i.elseBlock.statement());
        }
    }

    private void selfCall(ExprContext e) {
        if (e instanceof PostfixExprContext p && p.postfix() instanceof CallPostfixContext call
                        && name.equals(ModuleCompiler.calleeName(call))
                        && (call.args() == null ? 0 : call.args().expr().size()) == arity) {
            calls.add(call);
        }
    }

    /** Constructs whose calls are not in the function's tail position, or not the function's at all. */
    private static boolean excluded(ParseTree t) {
        return t instanceof TryStmtContext || t instanceof LambdaPrimaryContext || t instanceof StartExprContext;
    }

    /** Whether some `return` of the function (not of a function literal in it) has a value. */
    private static boolean returnsValue(ParseTree t) {
        if (t instanceof LambdaPrimaryContext || t instanceof StartExprContext) {
            return false;
        }
        if (t instanceof ReturnStmtContext r && r.expr() != null) {
            return true;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (returnsValue(t.getChild(i))) return true;
        }
        return false;
    }
}
