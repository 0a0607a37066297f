package chan.nodes.ops;

import chan.ChanContext;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * The cycles a counted loop may spend before its next quantum check (Meter.loopBudget): read
 * where the loop starts and after each check. A loop whose body can neither see nor move the clock
 * counts its back-edges' cycles down from this in a frame local, instead of charging the core at
 * each one (StatementCompiler.visitCountedWhile); the count is settled into the clock wherever the
 * loop is left (SettleLoopBudgetNode).
 */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class, name = "cycles")
public abstract class LoopBudgetNode extends Node {
    public abstract long execute(int cycles);

    @Specialization
    public static long doBudget(int cycles, @Bind Node node) {
        return ChanContext.get(node).meter.loopBudget(cycles);
    }
}
