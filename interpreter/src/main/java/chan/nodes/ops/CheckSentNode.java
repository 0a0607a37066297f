package chan.nodes.ops;

import chan.ChanException;
import chan.runtime.Channel;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** After a send completes: an error if the channel was closed while the sender waited. */
@OperationProxy.Proxyable
public abstract class CheckSentNode extends Node {
    public abstract Object execute(Object outcome);

    @Specialization
    public static Object doCheck(Object outcome, @Bind Node node) {
        if (outcome == Channel.CLOSED) {
            throw ChanException.error("send on closed channel", node);
        }
        return ChanNil.NIL;
    }
}
