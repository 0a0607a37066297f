package chan.nodes.ops;

import chan.ChanContext;
import chan.values.ChanTuple;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `<-?c`: pairs the received value with whether it came from a sender: (nil, false) once closed. */
@OperationProxy.Proxyable
public abstract class WithStatusNode extends Node {
    public abstract Object execute(Object value);

    @Specialization
    public static ChanTuple doPair(Object value, @Bind Node node) {
        boolean ok = ChanContext.get(node).scheduler().current().recvOk();
        return new ChanTuple(value, ok);
    }
}
