package chan.nodes.ops;

import chan.nodes.BlockSite;
import chan.nodes.ChanIterator;
import chan.runtime.Scheduler;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** The loop's next element, {@link ChanIterator#DONE}, or BLOCK while a channel has nothing yet. */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "site")
public abstract class IterNextNode extends Node {
    public abstract Object execute(String site, Object it);

    @Specialization
    public static Object doArray(@SuppressWarnings("unused") String site, ChanIterator.OverArray it) {
        return it.next();
    }

    @Specialization(replaces = "doArray")
    public static Object doNext(String site, ChanIterator it, @Bind Node node) {
        Object next = it.next();
        if (next == Scheduler.BLOCK) {
            BlockSite.record(site, node);
        }
        return next;
    }
}
