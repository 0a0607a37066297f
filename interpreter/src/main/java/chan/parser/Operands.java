package chan.parser;

import chan.grammar.ChanParser.*;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * The operands of one operation, evaluated left to right, so that no thread ever blocks with values
 * on the operand stack.
 *
 * A receive or a call may block, which is a Bytecode DSL yield (ModuleCompiler.emitSuspendable).
 * A yield copies whatever lies under it on the operand stack into the thread's frame, and that
 * forces the resumed frame onto the heap: about 200 bytes and much time per block. In `f(a, <-c)`
 * or `sum + <-c`, `f`, `a` and `sum` would lie there. So when an operand after the first may
 * block, the operands up to the last such one are first evaluated in order into scratch locals,
 * and the operation then reads them back. An operand that reads the same value whenever it is
 * read (a literal, a local of this function, a built-in) is not stored but read in place: no
 * expression assigns a local, so reading it after the blocking operand gives the same value, and
 * reading it cannot fail. Operands that cannot block, and operations whose only blocking operand is
 * the first, compile as before, with no extra local.
 */
final class Operands {
    private record Operand(Runnable emit, boolean mayBlock, boolean stable) {}

    private final ModuleCompiler c;
    private final List<Operand> operands = new ArrayList<>();

    Operands(ModuleCompiler c) {
        this.c = c;
    }

    /** An expression operand. */
    Operands expr(ExprContext e) {
        operands.add(new Operand(() -> c.visitExpr(e), c.blocking.mayBlock(e), isStable(e)));
        return this;
    }

    /** A postfix operand (a callee, an indexed or `with` value). */
    Operands postfix(PostfixContext p) {
        operands.add(new Operand(() -> c.visitPostfix(p), c.blocking.mayBlock(p), p instanceof PrimaryPostfixContext pp && isStable(pp.primary())));
        return this;
    }

    /** An operand that reads the same value whenever it is read and cannot fail (a constant, a local). */
    Operands stable(Runnable emit) {
        operands.add(new Operand(emit, false, true));
        return this;
    }

    /** Any other operand, and whether it may block. */
    Operands computed(Runnable emit, boolean mayBlock) {
        operands.add(new Operand(emit, mayBlock, false));
        return this;
    }

    /** Emits the operation: {@code begin}, the operands, {@code end}. */
    void emit(Runnable begin, Runnable end) {
        int lastBlocking = -1;
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i).mayBlock()) {
                lastBlocking = i;
            }
        }
        if (lastBlocking <= 0) {
            begin.run();
            operands.forEach(o -> o.emit().run());
            end.run();
            return;
        }
        c.b.beginBlock();
        BytecodeLocal[] stored = new BytecodeLocal[lastBlocking + 1];
        for (int i = 0; i <= lastBlocking; i++) {
            Operand o = operands.get(i);
            if (!o.stable()) {
                stored[i] = c.b.createLocal();
                c.b.beginStoreLocal(stored[i]);
                o.emit().run();
                c.b.endStoreLocal();
            }
        }
        begin.run();
        for (int i = 0; i < operands.size(); i++) {
            if (i <= lastBlocking && stored[i] != null) {
                c.b.emitLoadLocal(stored[i]);
            } else {
                operands.get(i).emit().run();
            }
        }
        end.run();
        c.b.endBlock();
    }

    private boolean isStable(ExprContext e) {
        return e instanceof PostfixExprContext pe && pe.postfix() instanceof PrimaryPostfixContext pp && isStable(pp.primary());
    }

    /** A literal, a local of this function, or a built-in that no declaration or variable shadows. */
    private boolean isStable(PrimaryContext p) {
        if (p instanceof LiteralPrimaryContext) {
            return true;
        }
        if (!(p instanceof NamePrimaryContext np)) {
            return false;
        }
        String name = np.name().getText();
        if (c.scope.findLocal(name) != null) {
            return true;
        }
        return c.isUnshadowedBuiltin(name);
    }
}
