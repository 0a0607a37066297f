package chan.nodes.ops;

import chan.nodes.ChanIterator;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Is the loop over? A loop over an array or a range never gets here at its end ({@link IterHasNextNode}
 * ended it), so its elements are not compared with the marker; other iterators return
 * {@link ChanIterator#DONE} at the end.
 */
@OperationProxy.Proxyable
public abstract class IsIterDoneNode extends Node {
    public abstract boolean execute(Object it, Object element);

    @Specialization
    public static boolean doCounted(@SuppressWarnings("unused") ChanIterator.Counted it, @SuppressWarnings("unused") Object element) {
        return false;
    }

    @Fallback
    public static boolean doOther(@SuppressWarnings("unused") Object it, Object element) {
        return element == ChanIterator.DONE;
    }
}
