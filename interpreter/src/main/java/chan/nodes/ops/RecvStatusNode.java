package chan.nodes.ops;

import chan.ChanContext;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * The status of the running thread's last receive: false when it found the channel closed and
 * drained. `let (v, ok) = <-?c` reads it right after the receive, instead of building the pair
 * that {@link WithStatusNode} makes (the pair would be stored in the thread's frame, an allocation
 * per receive).
 */
@OperationProxy.Proxyable
public abstract class RecvStatusNode extends Node {
    public abstract boolean execute();

    @Specialization
    public static boolean doStatus(@Bind Node node) {
        return ChanContext.get(node).scheduler().current().recvOk();
    }
}
