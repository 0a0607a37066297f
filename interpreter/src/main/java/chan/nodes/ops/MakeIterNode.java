package chan.nodes.ops;

import chan.ChanException;
import chan.nodes.ChanIterator;
import chan.values.ChanArray;
import chan.values.Types;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Starts a `for … in v` loop. */
@OperationProxy.Proxyable
public abstract class MakeIterNode extends Node {
    public abstract Object execute(Object v);

    /** Without a boundary, so that a compiled loop over an array keeps its cursor in registers. */
    @Specialization
    public static ChanIterator doArray(ChanArray array) {
        return new ChanIterator.OverArray(array);
    }

    @Specialization(replaces = "doArray")
    public static ChanIterator doMake(Object v, @Bind Node node) {
        ChanIterator it = ChanIterator.over(v);
        if (it == null) {
            throw ChanException.error("cannot iterate over " + Types.name(v), node);
        }
        return it;
    }
}
