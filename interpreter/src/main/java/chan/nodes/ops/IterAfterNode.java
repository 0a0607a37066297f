package chan.nodes.ops;

import chan.ChanContext;
import chan.nodes.ChanIterator;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Finishes a step of a `for` loop once its element is known (possibly after blocking): a channel
 * loop ends when the receive reported the channel closed.
 */
@OperationProxy.Proxyable
public abstract class IterAfterNode extends Node {
    public abstract Object execute(Object it, Object element);

    @Specialization
    public static Object doAfter(ChanIterator it, Object element, @Bind Node node) {
        if (it instanceof ChanIterator.Receiving && !ChanContext.get(node).scheduler().current().recvOk()) {
            return ChanIterator.DONE;
        }
        return element;
    }
}
