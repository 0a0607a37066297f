package chan.nodes.ops;

import chan.nodes.BlockSite;
import chan.nodes.ChooseShape;
import chan.nodes.ChooseStateAccess;
import chan.runtime.Scheduler;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * `choose`, phase 2: the runtime picks a ready option (uniformly at random, or the first in source
 * order for `prichoose`), takes `default`, or returns BLOCK with the thread waiting on every channel.
 * Phase 3 runs on the result, immediate or resumed ({@link ChooseDecideNode}).
 */
@OperationProxy.Proxyable
@ConstantOperand(type = ChooseShape.class)
@ConstantOperand(type = String.class, name = "site")
public abstract class ChooseSelectNode extends Node {
    public abstract Object execute(ChooseShape shape, String site, Object state);

    @Specialization
    public static Object doSelect(ChooseShape shape, String site, Object state, @Bind Node node) {
        Object result = ChooseStateAccess.select(shape, state, node);
        if (result == Scheduler.BLOCK) {
            BlockSite.record(site, node);
        }
        return result;
    }
}
