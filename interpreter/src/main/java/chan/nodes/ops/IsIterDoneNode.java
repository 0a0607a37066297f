package chan.nodes.ops;

import chan.nodes.ChanIterator;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Is the loop over? */
@OperationProxy.Proxyable
public abstract class IsIterDoneNode extends Node {
    public abstract Object execute(Object element);

    @Specialization
    public static boolean doCheck(Object element) {
        return element == ChanIterator.DONE;
    }
}
