package chan.nodes.ops;

import chan.nodes.ChooseStateAccess;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * What the winning option received: `value` (the value), `status` (the pair (value, ok)) or
 * `channel` (the channel a replicated option received on).
 */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "what")
public abstract class ChosenNode extends Node {
    public abstract Object execute(String what, Object state);

    @Specialization
    public static Object doGet(String what, Object state) {
        return ChooseStateAccess.chosen(what, state);
    }
}
